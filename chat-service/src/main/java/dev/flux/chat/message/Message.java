package dev.flux.chat.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message row.
 *
 * @param channelId its channel
 * @param id its time-ordered id
 * @param authorId who wrote it
 * @param content its text
 * @param replyTo the message of the channel it answers
 * @param mentionUsers the members it mentions
 * @param mentionRoles the roles it mentions
 * @param mentionEveryone whether it mentions @everyone (the author may)
 * @param nonce the client's nonce of the send
 * @param version counts its changes: the aggregateVersion of its events
 * @param editedAt when it was last edited
 */
record Message(long channelId, long id, UUID authorId, String content, @Nullable Long replyTo, List<UUID> mentionUsers,
		List<Long> mentionRoles, boolean mentionEveryone, @Nullable String nonce, long version,
		@Nullable Instant editedAt) {

	Message {
		mentionUsers = List.copyOf(mentionUsers);
		mentionRoles = List.copyOf(mentionRoles);
	}

	Message edited(String content, Mentioned mentions, Instant at) {
		return new Message(this.channelId, this.id, this.authorId, content, this.replyTo, mentions.users(),
				mentions.roles(), mentions.everyone(), this.nonce, this.version + 1, at);
	}

	/** The mentions that count, after the checks. */
	record Mentioned(List<UUID> users, List<Long> roles, boolean everyone) {

	}

}
