package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user sent another a friend request. Never published for a request to a user who
 * blocked the sender: that request stays pending for the sender only.
 *
 * @param fromUserId who sent the request.
 * @param toUserId who received it.
 */
@EventType("relationship.requested")
public record RelationshipRequested(UUID fromUserId, UUID toUserId) {

	public RelationshipRequested {
		Objects.requireNonNull(fromUserId, "fromUserId is required");
		Objects.requireNonNull(toUserId, "toUserId is required");
	}

}
