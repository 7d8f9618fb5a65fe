package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An account's email address was changed; the notification-service tells the previous
 * address, so an owner whose account was taken over finds out.
 *
 * @param userId the account's id
 * @param username the account's username, for the greeting
 * @param previousEmail the address before the change, where the notice goes
 * @param newEmail the new, not yet verified address
 */
@EventType("user.email_changed")
public record EmailChanged(UUID userId, String username, String previousEmail, String newEmail) {

	public EmailChanged {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(previousEmail, "previousEmail is required");
		Objects.requireNonNull(newEmail, "newEmail is required");
	}

}
