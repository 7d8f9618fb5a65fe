package dev.flux.user.profile;

/** The user has no such activity (another user's is not theirs). */
public final class UnknownActivity extends RuntimeException {

	UnknownActivity() {
		super("No such activity", null, false, false);
	}

}
