package dev.flux.auth.admin;

/** Revoking the role would leave no account that can grant it again. */
public final class LastAdmin extends RuntimeException {

	public LastAdmin() {
		super("The last admin", null, false, false);
	}

}
