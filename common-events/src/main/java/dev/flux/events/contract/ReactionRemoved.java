package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A user took back their reaction to a message.
 *
 * @param messageId the message's id.
 * @param channelId the message's channel.
 * @param serverId the channel's server, null for a direct message channel.
 * @param userId whose reaction.
 * @param emoji a unicode emoji or a :name:.
 */
@EventType("message.reaction_removed")
public record ReactionRemoved(String messageId, String channelId, @Nullable String serverId, UUID userId,
		String emoji) {

	public ReactionRemoved {
		Objects.requireNonNull(messageId, "messageId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(emoji, "emoji is required");
	}

}
