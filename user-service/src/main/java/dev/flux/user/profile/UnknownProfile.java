package dev.flux.user.profile;

/**
 * No profile for this user (none yet, or deleted); another user's hidden one looks the
 * same.
 */
public final class UnknownProfile extends RuntimeException {

	UnknownProfile() {
		super("No such profile", null, false, false);
	}

}
