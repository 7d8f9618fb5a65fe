package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * An account's email address was changed; the notification-service tells the previous
 * address, with a link that takes the account back, so an owner whose account was taken
 * over can undo it. Sensitive since the takeback token was added: the event is never
 * logged or replayed and its payload is erased from the outbox once published.
 *
 * @param userId the account's id
 * @param username the account's username, for the greeting
 * @param previousEmail the address before the change, where the notice goes
 * @param newEmail the new, not yet verified address
 * @param takebackToken the one-time token that restores the previous address (only its
 * hash is stored); absent from producers that offer no takeback
 * @param takebackExpiresAt when the takeback token stops working
 */
@EventType(value = "user.email_changed", sensitive = true)
public record EmailChanged(UUID userId, String username, String previousEmail, String newEmail,
		@Nullable String takebackToken, @Nullable Instant takebackExpiresAt) {

	/** A change without a takeback link. */
	public EmailChanged(UUID userId, String username, String previousEmail, String newEmail) {
		this(userId, username, previousEmail, newEmail, null, null);
	}

	@Override
	public String toString() {
		return "EmailChanged[userId=" + this.userId + ", takebackToken=<secret>]";
	}

	public EmailChanged {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(previousEmail, "previousEmail is required");
		Objects.requireNonNull(newEmail, "newEmail is required");
	}

}
