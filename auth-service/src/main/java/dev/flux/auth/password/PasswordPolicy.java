package dev.flux.auth.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a new password must be (NIST SP 800-63B): 8 to 128 characters, counted as code
 * points and never truncated, no composition rules, and not one of the shipped common
 * passwords (compared ignoring case).
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private static final String COMMON_PASSWORDS = "common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load();
	}

	/**
	 * Checks a new password.
	 * @param field the request field, for the error
	 * @throws PasswordRejected saying which rule it breaks
	 */
	public void check(String field, String password) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			throw new PasswordRejected(field,
					"must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters (it has " + length + ")");
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT))) {
			throw new PasswordRejected(field, "is one of the most common passwords; choose another");
		}
	}

	int size() {
		return this.common.size();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(32_000);
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach(passwords::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
