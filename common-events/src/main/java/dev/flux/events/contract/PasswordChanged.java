package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An account's password was changed by its owner or reset through a reset token; every
 * other session was revoked. The notification-service tells the owner by email.
 *
 * @param userId the account's id
 * @param username the account's username, for the greeting
 * @param email the account's address, where the notice goes
 * @param reason {@code changed} (current password given) or {@code reset} (reset token)
 */
@EventType("user.password_changed")
public record PasswordChanged(UUID userId, String username, String email, String reason) {

	static final Set<String> REASONS = Set.of("changed", "reset");

	public PasswordChanged {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
		if (!REASONS.contains(reason)) {
			throw new IllegalArgumentException("reason must be one of " + REASONS + ", not " + reason);
		}
	}

}
