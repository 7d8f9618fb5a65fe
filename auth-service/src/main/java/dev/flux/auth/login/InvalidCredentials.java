package dev.flux.auth.login;

/** Wrong login or password; says nothing about which, or whether the account exists. */
public final class InvalidCredentials extends RuntimeException {

	InvalidCredentials() {
		super("Invalid credentials", null, false, false);
	}

}
