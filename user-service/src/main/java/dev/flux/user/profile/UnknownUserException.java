package dev.flux.user.profile;

import java.util.UUID;

/**
 * An event names a user whose {@code user.created} has not been applied yet; retrying
 * later lets it apply once it has.
 */
public class UnknownUserException extends RuntimeException {

	public UnknownUserException(UUID userId) {
		super("No profile for user " + userId + " yet (user.created not applied); retry later");
	}

}
