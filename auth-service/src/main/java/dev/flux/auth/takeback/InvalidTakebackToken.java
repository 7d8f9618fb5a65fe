package dev.flux.auth.takeback;

/** A takeback token that is unknown, expired or used. */
public final class InvalidTakebackToken extends RuntimeException {

	InvalidTakebackToken() {
		super("Invalid takeback token", null, false, false);
	}

}
