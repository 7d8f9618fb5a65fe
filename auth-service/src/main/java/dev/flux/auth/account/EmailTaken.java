package dev.flux.auth.account;

/** Another account uses this email address. */
public final class EmailTaken extends RuntimeException {

	public EmailTaken() {
		super("Email taken", null, false, false);
	}

}
