package dev.flux.auth.password;

/** The current password given with a sensitive change is wrong. */
public final class WrongPassword extends RuntimeException {

	public WrongPassword() {
		super("Wrong password", null, false, false);
	}

}
