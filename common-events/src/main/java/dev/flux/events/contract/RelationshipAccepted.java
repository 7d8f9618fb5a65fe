package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user accepted a friend request: the two are friends.
 *
 * @param userId who accepted.
 * @param friendId who had sent the request.
 */
@EventType("relationship.accepted")
public record RelationshipAccepted(UUID userId, UUID friendId) {

	public RelationshipAccepted {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(friendId, "friendId is required");
	}

}
