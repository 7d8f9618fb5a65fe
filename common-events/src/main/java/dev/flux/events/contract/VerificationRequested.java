package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An email address needs confirming: the notification-service mails the one-time token to
 * it. Sensitive: the token is a secret, so the event is never logged or replayed and its
 * payload is erased from the outbox once published.
 *
 * @param userId the account's id
 * @param username the account's username, for the greeting
 * @param email the address to confirm and send to
 * @param token the one-time verification token (only its hash is stored)
 * @param expiresAt when the token stops working
 */
@EventType(value = "user.verification_requested", sensitive = true)
public record VerificationRequested(UUID userId, String username, String email, String token, Instant expiresAt) {

	public VerificationRequested {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
		Objects.requireNonNull(token, "token is required");
		Objects.requireNonNull(expiresAt, "expiresAt is required");
	}

	@Override
	public String toString() {
		return "VerificationRequested[userId=" + this.userId + ", token=<secret>, expiresAt=" + this.expiresAt + "]";
	}

}
