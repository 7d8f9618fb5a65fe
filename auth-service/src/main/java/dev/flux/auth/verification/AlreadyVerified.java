package dev.flux.auth.verification;

/** The account's email address is already verified. */
public final class AlreadyVerified extends RuntimeException {

	AlreadyVerified() {
		super("Already verified", null, false, false);
	}

}
