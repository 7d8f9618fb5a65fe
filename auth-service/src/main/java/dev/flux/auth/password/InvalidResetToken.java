package dev.flux.auth.password;

/** A password reset token that is unknown, expired, used or replaced. */
public final class InvalidResetToken extends RuntimeException {

	InvalidResetToken() {
		super("Invalid reset token", null, false, false);
	}

}
