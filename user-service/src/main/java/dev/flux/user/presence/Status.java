package dev.flux.user.presence;

import java.util.Locale;

/** A user's status; written in lower case on the wire and in the database. */
public enum Status {

	ONLINE, IDLE, DND, INVISIBLE, OFFLINE;

	/** The values a user may choose, as the API spells them. */
	public static final String PATTERN = "online|idle|dnd|invisible|offline";

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException for anything but the five values
	 */
	public static Status of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
