package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * Someone asked for a new account, or an email change, with an address that an account
 * already has, while auth-service runs enumeration-safe: the asker got the same answer as
 * for a free address, and the notification-service tells the address's owner instead.
 *
 * @param userId the id of the account that has the address
 * @param username that account's username, for the greeting
 * @param email the address, where the notice goes
 * @param attempt {@code registration} or {@code email_change}
 */
@EventType("user.email_conflict")
public record EmailConflict(UUID userId, String username, String email, String attempt) {

	static final Set<String> ATTEMPTS = Set.of("registration", "email_change");

	public EmailConflict {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
		if (!ATTEMPTS.contains(attempt)) {
			throw new IllegalArgumentException("attempt must be one of " + ATTEMPTS + ", not " + attempt);
		}
	}

}
