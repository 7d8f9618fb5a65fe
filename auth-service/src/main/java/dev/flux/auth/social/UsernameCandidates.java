package dev.flux.auth.social;

import java.security.SecureRandom;
import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import dev.flux.auth.account.Username;

/**
 * Usernames for new social accounts: the provider's name or the email's local part,
 * folded to the username alphabet; then the same with a random number when it is taken.
 */
final class UsernameCandidates {

	private static final SecureRandom random = new SecureRandom();

	private static final int BASE_LENGTH = 24;

	private UsernameCandidates() {
	}

	/** The plain candidate, always a valid username. */
	static Username base(@Nullable String name, @Nullable String email) {
		String folded = fold(name);
		if (folded.length() < 2 && email != null) {
			folded = fold(email.substring(0, Math.max(0, email.indexOf('@'))));
		}
		return new Username((folded.length() >= 2) ? folded : "user");
	}

	/** The {@code attempt}th alternative: the base with a number that grows in size. */
	static Username numbered(Username base, int attempt) {
		int bound = (int) Math.pow(10, Math.min(6, 2 + attempt));
		return new Username(base.value() + "_" + random.nextInt(bound));
	}

	private static String fold(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String folded = ascii.trim()
			.replaceAll("[\\s-]+", "_")
			.replaceAll("[^A-Za-z0-9_.]", "")
			.replaceAll("\\.{2,}", ".")
			.replaceAll("^\\.+|\\.+$", "");
		if (folded.length() > BASE_LENGTH) {
			folded = folded.substring(0, BASE_LENGTH).replaceAll("\\.+$", "");
		}
		return folded;
	}

}
