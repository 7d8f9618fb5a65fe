package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * The owner of an account asked to reset a forgotten password: the notification-service
 * mails the one-time token. Sensitive: never logged or replayed, payload erased from the
 * outbox once published.
 *
 * @param userId the account's id
 * @param username the account's username, for the greeting
 * @param email the account's address, where the token goes
 * @param token the one-time reset token (only its hash is stored)
 * @param expiresAt when the token stops working
 */
@EventType(value = "user.password_reset_requested", sensitive = true)
public record PasswordResetRequested(UUID userId, String username, String email, String token, Instant expiresAt) {

	public PasswordResetRequested {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
		Objects.requireNonNull(token, "token is required");
		Objects.requireNonNull(expiresAt, "expiresAt is required");
	}

	@Override
	public String toString() {
		return "PasswordResetRequested[userId=" + this.userId + ", token=<secret>, expiresAt=" + this.expiresAt + "]";
	}

}
