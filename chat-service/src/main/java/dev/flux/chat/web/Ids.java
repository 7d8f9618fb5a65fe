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

}
