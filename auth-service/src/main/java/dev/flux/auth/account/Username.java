package dev.flux.auth.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A username: 2 to 32 characters from {@code A-Z a-z 0-9 _ .}, not starting or ending
 * with a dot and without two dots in a row. Case is kept for display; uniqueness ignores
 * it.
 */
public record Username(String value) {

	/** The documented rule, also used by the request validation. */
	public static final String PATTERN = "^(?!\\.)(?!.*\\.\\.)[A-Za-z0-9_.]{2,32}(?<!\\.)$";

	static final String RULE = "2 to 32 characters of A-Z, a-z, 0-9, _ and ., not starting or ending with a dot, no two dots in a row";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	public Username {
		if (!VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("A username is " + RULE);
		}
	}

	/** The case-insensitive form uniqueness is decided on. */
	public String key() {
		return this.value.toLowerCase(Locale.ROOT);
	}

}
