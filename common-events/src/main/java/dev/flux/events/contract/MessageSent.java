package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A message was sent to a channel.
 *
 * @param messageId the message's id (64-bit, time-ordered, as a string).
 * @param authorId the author's user id.
 * @param channelId the channel's id.
 * @param serverId the channel's server, null for a direct message channel.
 * @param content the text, 1 to 2,000 characters.
 * @param replyTo the message of the same channel it answers, null when none.
 * @param mentions who the message mentions, as checked against the author's permissions.
 * @param nonce the client's nonce of the send, null when none.
 * @param sentAt when it was sent.
 */
@EventType("message.sent")
public record MessageSent(String messageId, UUID authorId, String channelId, @Nullable String serverId, String content,
		@Nullable String replyTo, Mentions mentions, @Nullable String nonce, Instant sentAt) {

	public MessageSent {
		Objects.requireNonNull(messageId, "messageId is required");
		Objects.requireNonNull(authorId, "authorId is required");
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(content, "content is required");
		Objects.requireNonNull(mentions, "mentions is required");
		Objects.requireNonNull(sentAt, "sentAt is required");
	}

}
