package dev.flux.auth.verification;

/**
 * An email verification token that is unknown, expired, used, replaced or for an older
 * address.
 */
public final class InvalidVerificationToken extends RuntimeException {

	InvalidVerificationToken() {
		super("Invalid verification token", null, false, false);
	}

}
