package dev.flux.auth.session;

/** A refresh token that is unknown, expired, revoked or already used. */
public final class InvalidRefreshToken extends RuntimeException {

	InvalidRefreshToken() {
		super("Invalid refresh token", null, false, false);
	}

}
