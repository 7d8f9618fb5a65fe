package dev.flux.chat.reaction;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.message.MessageVersions;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Access;
import dev.flux.chat.server.ChannelAccess;
import dev.flux.events.contract.ReactionAdded;
import dev.flux.events.contract.ReactionRemoved;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.permission.Permission;

/**
 * Reactions to messages. Adding locks the message and counts one in its version (the
 * aggregateVersion of {@code message.reaction_*}, shared with edits); adding one again or
 * removing one that is not there changes nothing and publishes nothing. Anyone who can
 * read a channel's history may react in it.
 */
@Service
public class Reactions {

	/** The most distinct emoji a message carries (Discord's limit too). */
	static final int MAX_EMOJI = 20;

	private final JdbcClient jdbc;

	private final Access access;

	private final MessageVersions versions;

	private final Outbox outbox;

	private final Clock clock;

	Reactions(JdbcClient jdbc, Access access, MessageVersions versions, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.access = access;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * The caller reacts with the emoji; once per user, emoji and message.
	 * @throws Refusal 409 {@code too-many-reactions} for a 21st distinct emoji
	 */
	@Transactional
	public void add(long channelId, long messageId, UUID userId, String emoji) {
		ChannelAccess access = readable(channelId, userId);
		Emoji.check(emoji);
		long version = this.versions.lock(channelId, messageId);
		boolean newEmoji = this.jdbc
			.sql("select count(*) from reactions where channel_id = ? and message_id = ? and emoji = ?")
			.params(channelId, messageId, emoji)
			.query(Long.class)
			.single() == 0;
		if (newEmoji
				&& this.jdbc.sql("select count(distinct emoji) from reactions where channel_id = ? and message_id = ?")
					.params(channelId, messageId)
					.query(Long.class)
					.single() >= MAX_EMOJI) {
			throw Refusal.conflict("too-many-reactions",
					"A message carries at most " + MAX_EMOJI + " different reactions.");
		}
		int added = this.jdbc.sql("""
				insert into reactions (channel_id, message_id, emoji, user_id, created_at) values (?, ?, ?, ?, ?)
				on conflict do nothing
				""").params(channelId, messageId, emoji, userId, Timestamp.from(this.clock.instant())).update();
		if (added > 0) {
			this.outbox.append(Long.toString(messageId), this.versions.bump(channelId, messageId, version),
					new ReactionAdded(Long.toString(messageId), Long.toString(channelId), access.serverIdText(), userId,
							emoji));
		}
	}

	/** Takes the caller's reaction back. */
	@Transactional
	public void remove(long channelId, long messageId, UUID userId, String emoji) {
		ChannelAccess access = readable(channelId, userId);
		long version = this.versions.lock(channelId, messageId);
		int removed = this.jdbc
			.sql("delete from reactions where channel_id = ? and message_id = ? and emoji = ? and user_id = ?")
			.params(channelId, messageId, emoji, userId)
			.update();
		if (removed > 0) {
			this.outbox.append(Long.toString(messageId), this.versions.bump(channelId, messageId, version),
					new ReactionRemoved(Long.toString(messageId), Long.toString(channelId), access.serverIdText(),
							userId, emoji));
		}
	}

	/** The message's reactions, per emoji in the order first used. */
	@Transactional(readOnly = true)
	public List<ReactionCount> of(long channelId, long messageId, UUID userId) {
		readable(channelId, userId);
		if (this.jdbc.sql("select count(*) from messages where channel_id = ? and id = ?")
			.params(channelId, messageId)
			.query(Long.class)
			.single() == 0) {
			throw Refusal.notFound("The message");
		}
		return this.jdbc.sql("""
				select emoji, count(*) as count, bool_or(user_id = ?) as me from reactions
				where channel_id = ? and message_id = ? group by emoji order by min(created_at), emoji
				""")
			.params(userId, channelId, messageId)
			.query((rs, row) -> new ReactionCount(rs.getString("emoji"), rs.getInt("count"), rs.getBoolean("me")))
			.list();
	}

	private ChannelAccess readable(long channelId, UUID userId) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		access.require(Permission.READ_MESSAGE_HISTORY);
		return access;
	}

	/**
	 * How many reacted with one emoji.
	 *
	 * @param emoji the emoji
	 * @param count how many users
	 * @param me whether the caller is one of them
	 */
	public record ReactionCount(String emoji, int count, boolean me) {

	}

	/** Forgets a deleted user's reactions (erasure). */
	@Transactional
	public void userDeleted(UUID userId) {
		this.jdbc.sql("delete from reactions where user_id = ?").param(userId).update();
	}

}
