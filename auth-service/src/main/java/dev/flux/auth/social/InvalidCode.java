package dev.flux.auth.social;

/** A social-login one-time code that is unknown, expired, used or not the caller's. */
public final class InvalidCode extends RuntimeException {

	InvalidCode() {
		super("Invalid code", null, false, false);
	}

}
