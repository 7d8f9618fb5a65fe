package dev.flux.auth.social;

/** An action that needs the account's email address verified first. */
public final class EmailNotVerified extends RuntimeException {

	private final String action;

	EmailNotVerified(String action) {
		super("Email not verified before " + action, null, false, false);
		this.action = action;
	}

	public String action() {
		return this.action;
	}

}
