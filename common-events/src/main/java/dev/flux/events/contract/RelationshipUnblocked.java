package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user lifted a block. Only for the blocker's own devices.
 *
 * @param userId who lifted the block.
 * @param unblockedUserId who was unblocked.
 */
@EventType("relationship.unblocked")
public record RelationshipUnblocked(UUID userId, UUID unblockedUserId) {

	public RelationshipUnblocked {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(unblockedUserId, "unblockedUserId is required");
	}

}
