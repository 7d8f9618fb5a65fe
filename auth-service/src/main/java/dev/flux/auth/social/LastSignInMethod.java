package dev.flux.auth.social;

/** Unlinking would leave the account with no way to sign in. */
public final class LastSignInMethod extends RuntimeException {

	LastSignInMethod() {
		super("Last sign-in method", null, false, false);
	}

}
