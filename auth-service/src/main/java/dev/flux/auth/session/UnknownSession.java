package dev.flux.auth.session;

/** The user has no session of that id. */
public final class UnknownSession extends RuntimeException {

	UnknownSession() {
		super("No such session", null, false, false);
	}

}
