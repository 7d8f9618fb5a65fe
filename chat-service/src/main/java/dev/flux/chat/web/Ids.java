package dev.flux.chat.web;

import dev.flux.chat.refusal.Refusal;

/**
 * Ids of servers, channels, roles and messages as clients write them: decimal strings.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * @throws Refusal 400 when {@code text} is not a positive 64-bit number
	 */
	public static long parse(String field, String text) {
		try {
			long id = Long.parseLong(text);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw Refusal.invalid(field, "must be an id: a positive 64-bit number written in decimal");
	}

	/**
	 * A paging cursor: an id, or 0 for "before everything".
	 * @throws Refusal 400 when {@code text} is not a 64-bit number of 0 or more
	 */
	public static long cursor(String field, String text) {
		return "0".equals(text) ? 0 : parse(field, text);
	}

}
