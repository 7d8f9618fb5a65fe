package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user blocked another. Only for the blocker's own devices: a consumer never tells the
 * blocked user.
 *
 * @param userId who blocked.
 * @param blockedUserId who was blocked.
 */
@EventType("relationship.blocked")
public record RelationshipBlocked(UUID userId, UUID blockedUserId) {

	public RelationshipBlocked {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(blockedUserId, "blockedUserId is required");
	}

}
