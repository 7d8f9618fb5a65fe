package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A message was deleted by its author or by a member with MANAGE_MESSAGES.
 *
 * @param messageId the message's id (64-bit, time-ordered, as a string).
 * @param authorId the author's user id.
 * @param channelId the channel's id.
 * @param serverId the channel's server, null for a direct message channel.
 * @param deletedBy who deleted it.
 */
@EventType("message.deleted")
public record MessageDeleted(String messageId, UUID authorId, String channelId, @Nullable String serverId,
		UUID deletedBy) {

	public MessageDeleted {
		Objects.requireNonNull(messageId, "messageId is required");
		Objects.requireNonNull(authorId, "authorId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(deletedBy, "deletedBy is required");
	}

}
