package dev.flux.auth.account;

/** Another account uses this email address. */
public final class EmailTaken extends RuntimeException {

	EmailTaken() {
		super("Email taken", null, false, false);
	}

}
