package dev.flux.events.contract;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast read of times gives what the general parse gives: the same instant for every
 * time it accepts, and the general parse (with its errors) for every other text.
 */
class PlainTimesTests {

	/** What Jackson reads without the codec's deserializer. */
	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	/** What Jackson reads with it, as the codec's payload reader does. */
	private static final JsonMapper CODEC = JsonMapper.builder()
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.addModule(new SimpleModule().addDeserializer(Instant.class, new PlainTimes.Deserializer()))
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-06T21:40:00Z", "2026-12-06T21:40:00.1Z", "2026-12-06T21:40:00.123Z",
			"2026-12-06T21:40:00.123456Z", "2026-12-06T21:40:00.123456789Z", "0000-01-01T00:00:00Z",
			"9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z", "2026-12-06T21:40:00+02:00",
			"2026-12-06T21:40:00.5-05:30", "2026-12-06T21:40:00-00:00", "2026-12-06T21:40:00+18:00" })
	void readsPlainTimesAsTheGeneralParseDoes(String text) {
		Instant expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
		assertThat(PlainTimes.parse(text)).isEqualTo(expected);
		assertThat(read(CODEC, text)).isEqualTo(read(JACKSON, text)).isEqualTo(expected.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-12-32T00:00:00Z",
			"2026-12-06T24:00:00Z", "2026-12-06T23:60:00Z", "2026-12-06T23:59:60Z", "2026-12-06T21:40:00+19:00",
			"2026-12-06T21:40:00+01:60", "2026-12-06t21:40:00Z", "2026-12-06T21:40:00z", "2026-12-06T21:40:00",
			"2026-12-06T21:40:00.Z", "2026-12-06T21:40:00.1234567891Z", "2026-12-06T21:40Z", "+12026-12-06T21:40:00Z",
			"2026-12-06T21:40:00+0200", "2026-12-06 21:40:00Z", "20261206T214000Z", "2026-12-06T21:40:00Z ", "" })
	void leavesEveryOtherTextToTheGeneralParse(String text) {
		assertThat(PlainTimes.parse(text)).isNull();
		assertThat(read(CODEC, text)).isEqualTo(read(JACKSON, text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1765057200", "1765057200.5", "-1", "null" })
	void leavesNumbersAndNullToTheGeneralParse(String json) {
		assertThat(readJson(CODEC, json)).isEqualTo(readJson(JACKSON, json));
	}

	/** The instant read from a JSON string, or the error's class. */
	private static String read(JsonMapper mapper, String text) {
		return readJson(mapper, "\"" + text + "\"");
	}

	private static String readJson(JsonMapper mapper, String json) {
		try {
			@Nullable Instant instant = mapper.readValue("{\"at\":" + json + "}", Holder.class).at();
			return String.valueOf(instant);
		}
		catch (JacksonException ex) {
			return ex.getClass().getName();
		}
	}

	record Holder(@Nullable Instant at) {

	}

}
