package dev.flux.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas' {@code date-time} check: the producers' text passes without the general
 * parse, and the quick check never passes a text the general rule refuses.
 */
class DateTimeFormatTests {

	private final DateTimeFormat format = new DateTimeFormat();

	private final com.networknt.schema.format.DateTimeFormat general = new com.networknt.schema.format.DateTimeFormat();

	@Test
	void takesTheTextOfInstantsAsProducersWriteThem() {
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 10_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L),
					(i % 3 == 0) ? 0 : random.nextInt(1_000_000_000));
			String text = instant.toString();
			assertThat(DateTimeFormat.isPlainInstant(text)).as(text).isEqualTo(text.length() <= 30);
			assertThat(this.format.matches(null, text)).as(text).isTrue();
		}
	}

	@Test
	void refusesWhatTheGeneralRuleRefuses() {
		for (String text : List.of("2026-02-29T00:00:00Z", "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z",
				"2026-00-10T00:00:00Z", "2026-12-00T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-07T24:00:00Z",
				"2026-12-07T23:60:00Z", "2026-12-07T23:59:61Z", "2026-12-07T23:59:59.Z",
				"2026-12-07T23:59:59.1234567890Z", "2026-12-07 23:59:59Z", "2026-12-07T23:59:59", "2026-1207T23:59:59Z",
				"20261-12-07T23:59:59Z", "2026-12-07T23:59:5aZ", "2026-12-07T23:59:59.12a4Z", "",
				"2100-02-29T00:00:00Z")) {
			assertThat(DateTimeFormat.isPlainInstant(text)).as(text).isFalse();
			assertThat(this.format.matches(null, text)).as(text).isEqualTo(this.general.matches(null, text));
		}
		assertThat(DateTimeFormat.isPlainInstant("2024-02-29T00:00:00Z")).isTrue();
		assertThat(DateTimeFormat.isPlainInstant("2000-02-29T00:00:00.5Z")).isTrue();
	}

	@Test
	void passesNothingTheGeneralRuleRefuses() {
		SplittableRandom random = new SplittableRandom(11);
		String digits = "0123456789";
		int quick = 0;
		for (int i = 0; i < 50_000; i++) {
			char[] text = "2026-12-07T23:59:59.123456Z".toCharArray();
			for (int k = random.nextInt(1, 4); k > 0; k--) {
				int at = random.nextInt(text.length);
				if (Character.isDigit(text[at])) {
					text[at] = digits.charAt(random.nextInt(10));
				}
			}
			String value = new String(text);
			if (DateTimeFormat.isPlainInstant(value)) {
				quick++;
				assertThat(this.general.matches(null, value)).as(value).isTrue();
			}
		}
		assertThat(quick).isPositive();
	}

}
