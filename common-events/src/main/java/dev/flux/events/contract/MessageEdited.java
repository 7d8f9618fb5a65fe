package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A message's author changed its text; the fields carry the current values.
 *
 * @param messageId the message's id (64-bit, time-ordered, as a string).
 * @param authorId the author's user id.
 * @param channelId the channel's id.
 * @param serverId the channel's server, null for a direct message channel.
 * @param content the new text.
 * @param mentions who the new text mentions.
 * @param editedAt when it was edited.
 */
@EventType("message.edited")
public record MessageEdited(String messageId, UUID authorId, String channelId, @Nullable String serverId,
		String content, Mentions mentions, Instant editedAt) {

	public MessageEdited {
		Objects.requireNonNull(messageId, "messageId is required");
		Objects.requireNonNull(authorId, "authorId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(content, "content is required");
		Objects.requireNonNull(mentions, "mentions is required");
		Objects.requireNonNull(editedAt, "editedAt is required");
	}

}
