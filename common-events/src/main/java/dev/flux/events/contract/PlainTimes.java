package dev.flux.events.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Times in the form producers write them ({@code Instant.toString()}: RFC 3339 with an
 * upper-case T and Z or an offset), read without {@code DateTimeFormatter}, whose general
 * parse was a tenth of a consumer's CPU per event (an envelope's {@code occurredAt} and a
 * payload's times). Anything else is left to the general parse, which accepts and refuses
 * exactly what it did.
 */
final class PlainTimes {

	private PlainTimes() {
	}

	/**
	 * The instant of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or null when the
	 * text has another form or a field out of range (what {@code ISO_OFFSET_DATE_TIME}
	 * refuses).
	 */
	static @Nullable Instant parse(String text) {
		int length = text.length();
		if (length < 20 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7) || text.charAt(7) != '-'
				|| !digits(text, 8, 10) || text.charAt(10) != 'T' || !digits(text, 11, 13) || text.charAt(13) != ':'
				|| !digits(text, 14, 16) || text.charAt(16) != ':' || !digits(text, 17, 19)) {
			return null;
		}
		int i = 19;
		int nanos = 0;
		if (text.charAt(i) == '.') {
			int start = ++i;
			while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
				i++;
			}
			if (i == start) {
				return null;
			}
			nanos = number(text, start, i);
			for (int scale = i - start; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		try {
			ZoneOffset offset;
			if (i == length - 1 && text.charAt(i) == 'Z') {
				offset = ZoneOffset.UTC;
			}
			else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && digits(text, i + 1, i + 3)
					&& text.charAt(i + 3) == ':' && digits(text, i + 4, i + 6)) {
				int sign = (text.charAt(i) == '-') ? -1 : 1;
				offset = ZoneOffset.ofHoursMinutes(sign * number(text, i + 1, i + 3),
						sign * number(text, i + 4, i + 6));
			}
			else {
				return null;
			}
			return LocalDateTime
				.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
						number(text, 14, 16), number(text, 17, 19), nanos)
				.toInstant(offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static int number(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
	}

	/**
	 * A payload's {@code Instant}: a plain time read by {@link #parse(String)}, anything
	 * else (numbers, other forms, out-of-range fields) by Jackson's own deserializer,
	 * with its errors.
	 */
	static final class Deserializer extends ValueDeserializer<Instant> {

		@Override
		public Instant deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				Instant plain = parse(parser.getString());
				if (plain != null) {
					return plain;
				}
			}
			return InstantDeserializer.INSTANT.deserialize(parser, context);
		}

		@Override
		public Class<?> handledType() {
			return Instant.class;
		}

	}

}
