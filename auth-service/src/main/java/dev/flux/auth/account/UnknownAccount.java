package dev.flux.auth.account;

/** The account asked for does not exist (any more). */
public final class UnknownAccount extends RuntimeException {

	public UnknownAccount() {
		super("No such account", null, false, false);
	}

}
