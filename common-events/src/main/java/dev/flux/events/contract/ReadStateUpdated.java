package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user read a channel up to a message (on one of their devices); never moves backwards.
 * For the user's other devices.
 *
 * @param userId whose read state.
 * @param channelId the channel.
 * @param lastReadMessageId the newest message the user has read.
 * @param mentionCount unread mentions left in the channel after it.
 */
@EventType("read_state.updated")
public record ReadStateUpdated(UUID userId, String channelId, String lastReadMessageId, int mentionCount) {

	public ReadStateUpdated {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(lastReadMessageId, "lastReadMessageId is required");
		if (mentionCount < 0) {
			throw new IllegalArgumentException("mentionCount must not be negative");
		}
	}

}
