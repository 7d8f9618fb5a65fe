package dev.flux.chat.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.chat.user.ChatUsers.UserView;

/**
 * A message as the API shows it; ids are 64-bit numbers written as strings.
 *
 * @param id the message's id, time-ordered
 * @param channelId its channel
 * @param serverId the channel's server
 * @param author who wrote it (a deleted user has no name and no avatar)
 * @param content its text
 * @param replyTo the message of the same channel it answers, null when none
 * @param mentions who it mentions
 * @param nonce the client's nonce of the send, null when none
 * @param createdAt when it was sent (from its id)
 * @param editedAt when it was last edited, null when never
 */
public record MessageView(String id, String channelId, @Nullable String serverId, UserView author, String content,
		@Nullable String replyTo, MentionsView mentions, @Nullable String nonce, Instant createdAt,
		@Nullable Instant editedAt) {

	/**
	 * Who a message mentions.
	 *
	 * @param users the mentioned members
	 * @param roles the mentioned roles' ids
	 * @param everyone whether @everyone counts (the author has MENTION_EVERYONE)
	 */
	public record MentionsView(List<UUID> users, List<String> roles, boolean everyone) {

	}

}
