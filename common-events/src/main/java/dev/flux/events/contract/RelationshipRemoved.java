package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A friend request was declined or cancelled, or a friendship ended (a block that ends
 * one is announced as unfriended).
 *
 * @param userId who acted.
 * @param otherUserId the other user.
 * @param reason declined (an incoming request), cancelled (an outgoing one) or
 * unfriended.
 */
@EventType("relationship.removed")
public record RelationshipRemoved(UUID userId, UUID otherUserId, String reason) {

	static final Set<String> REASONS = Set.of("declined", "cancelled", "unfriended");

	public RelationshipRemoved {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(otherUserId, "otherUserId is required");
		if (!REASONS.contains(reason)) {
			throw new IllegalArgumentException("reason must be one of " + REASONS + ", not " + reason);
		}
	}

}
