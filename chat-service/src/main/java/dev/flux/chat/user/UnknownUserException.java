package dev.flux.chat.user;

import java.util.UUID;

/**
 * An event about a user whose {@code user.created} has not arrived yet: retried later.
 */
public class UnknownUserException extends RuntimeException {

	public UnknownUserException(UUID userId) {
		super("User " + userId + " is not known yet", null, false, false);
	}

}
