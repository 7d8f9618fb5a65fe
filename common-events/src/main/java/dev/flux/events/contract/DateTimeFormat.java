package dev.flux.events.contract;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schemas' {@code date-time} format: the text producers write
 * ({@code Instant.toString()}, e.g. {@code 2026-12-07T00:48:30.123456Z}) is checked char
 * by char; any other text goes to the validator's own rule, which says whether it is an
 * RFC 3339 date-time as before. The validator's parse was a third of a payload's schema
 * check in {@code ./flux bench chat}, on both the appending and the consuming side.
 */
final class DateTimeFormat implements Format {

	private static final int[] DAYS = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	private final Format general = new com.networknt.schema.format.DateTimeFormat();

	@Override
	public String getName() {
		return this.general.getName();
	}

	@Override
	public String getMessageKey() {
		return this.general.getMessageKey();
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return isPlainInstant(value) || this.general.matches(executionContext, value);
	}

	/**
	 * Whether the text is {@code yyyy-MM-ddTHH:mm:ss}, optionally a fraction of 1 to 9
	 * digits, then {@code Z}, of a day that exists (years 1000 to 9999, seconds 0 to 59):
	 * each such text is a valid RFC 3339 date-time.
	 */
	static boolean isPlainInstant(String value) {
		int length = value.length();
		if (length < 20 || length > 30 || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-'
				|| value.charAt(7) != '-' || value.charAt(10) != 'T' || value.charAt(13) != ':'
				|| value.charAt(16) != ':') {
			return false;
		}
		int year = number(value, 0, 4);
		int month = number(value, 5, 2);
		int day = number(value, 8, 2);
		int hour = number(value, 11, 2);
		int minute = number(value, 14, 2);
		int second = number(value, 17, 2);
		if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DAYS[month - 1] || hour < 0 || hour > 23
				|| minute < 0 || minute > 59 || second < 0 || second > 59) {
			return false;
		}
		if (month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
			return false;
		}
		if (length == 20) {
			return true;
		}
		return value.charAt(19) == '.' && length > 21 && number(value, 20, length - 21) >= 0;
	}

	/**
	 * The digits at {@code [from, from + count)} as a number, or -1 if one is not a
	 * digit.
	 */
	private static int number(String value, int from, int count) {
		int result = 0;
		for (int i = from; i < from + count; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = (count > 4) ? 0 : result * 10 + (c - '0');
		}
		return result;
	}

}
