package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A message was pinned to its channel (up to 50 pins per channel).
 *
 * @param messageId the message's id.
 * @param channelId the message's channel.
 * @param serverId the channel's server, null for a direct message channel.
 * @param userId who pinned it.
 */
@EventType("message.pinned")
public record MessagePinned(String messageId, String channelId, @Nullable String serverId, UUID userId) {

	public MessagePinned {
		Objects.requireNonNull(messageId, "messageId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(userId, "userId is required");
	}

}
