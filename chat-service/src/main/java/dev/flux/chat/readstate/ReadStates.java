package dev.flux.chat.readstate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Access;
import dev.flux.chat.server.ChannelAccess;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.events.outbox.Outbox;

/**
 * Read states. An ack moves a user's last read message of a channel forward and never
 * back: one conditional upsert, so concurrent acks from several devices end at the newest
 * whatever their order, and each move commits with {@code read_state.updated} for the
 * user's other devices. A user's own message reads the channel up to it (as in Discord,
 * and as notification-service's snapshot counts it), read from the messages rather than
 * written on every send. Unread and mention counts are computed from the messages after
 * the last read one, so edits and deletions count right without bookkeeping: mentions of
 * the user, their roles or @everyone, and in a DM every message of the others (as Discord
 * counts them).
 */
@Service
public class ReadStates {

	private final JdbcClient jdbc;

	private final Access access;

	private final Outbox outbox;

	private final Clock clock;

	ReadStates(JdbcClient jdbc, Access access, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Marks the channel read up to the message; an older ack than the one held changes
	 * nothing.
	 * @throws Refusal 404 when the message is not in the channel or the caller may not
	 * see the channel
	 */
	@Transactional
	public ReadState ack(long channelId, long messageId, UUID userId) {
		ChannelAccess access = readable(channelId, userId);
		boolean exists = this.jdbc.sql("select count(*) from messages where channel_id = ? and id = ?")
			.params(channelId, messageId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw Refusal.notFound("The message");
		}
		Long version = this.jdbc.sql("""
				insert into read_states (user_id, channel_id, last_read_id, version, updated_at) values (?, ?, ?, 1, ?)
				on conflict (user_id, channel_id) do update set last_read_id = excluded.last_read_id,
				  version = read_states.version + 1, updated_at = excluded.updated_at
				where read_states.last_read_id < excluded.last_read_id
				returning version
				""")
			.params(userId, channelId, messageId, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional()
			.orElse(null);
		ReadState state = state(access, userId);
		if (version != null) {
			this.outbox.append(userId + ":" + channelId, version, new ReadStateUpdated(userId, Long.toString(channelId),
					state.lastReadMessageId(), state.mentionCount()));
		}
		return state;
	}

	/** The caller's read state of one channel. */
	@Transactional(readOnly = true)
	public ReadState of(long channelId, UUID userId) {
		return state(readable(channelId, userId), userId);
	}

	/**
	 * The caller's read states of every channel they can read: their DMs and the text
	 * channels of their servers they may view.
	 */
	@Transactional(readOnly = true)
	public List<ReadState> all(UUID userId) {
		List<Long> channels = this.jdbc.sql("""
				select channel_id from dm_members where user_id = ?
				union all
				select c.id from channels c join members m on m.server_id = c.server_id and m.user_id = ?
				where c.kind = 'text'
				""").params(userId, userId).query(Long.class).list();
		List<ReadState> states = new ArrayList<>();
		for (long channelId : channels) {
			ChannelAccess access = this.access.anyChannel(channelId, userId);
			if (access.has(Permission.VIEW_CHANNEL) && access.has(Permission.READ_MESSAGE_HISTORY)) {
				states.add(state(access, userId));
			}
		}
		return states;
	}

	private ChannelAccess readable(long channelId, UUID userId) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		access.require(Permission.READ_MESSAGE_HISTORY);
		return access;
	}

	private ReadState state(ChannelAccess access, UUID userId) {
		long channelId = access.channelId();
		long acked = this.jdbc.sql("select last_read_id from read_states where user_id = ? and channel_id = ?")
			.params(userId, channelId)
			.query(Long.class)
			.optional()
			.orElse(0L);
		// Sending reads the channel up to one's message, as in Discord.
		long sent = this.jdbc.sql("select coalesce(max(id), 0) from messages where author_id = ? and channel_id = ?")
			.params(userId, channelId)
			.query(Long.class)
			.single();
		long lastRead = Math.max(acked, sent);
		boolean unread = this.jdbc
			.sql("select exists (select 1 from messages where channel_id = ? and id > ? and author_id <> ?)")
			.params(channelId, lastRead, userId)
			.query(Boolean.class)
			.single();
		long mentions = 0;
		if (unread && access.member() == null) {
			mentions = this.jdbc.sql("select count(*) from messages where channel_id = ? and id > ? and author_id <> ?")
				.params(channelId, lastRead, userId)
				.query(Long.class)
				.single();
		}
		else if (unread) {
			String[] roles = access.member().roleIds().stream().map(String::valueOf).toArray(String[]::new);
			mentions = this.jdbc.sql("""
					select count(*) from messages where channel_id = ? and id > ? and author_id <> ?
					and (? = any(mention_users) or mention_everyone or mention_roles && ?::bigint[])
					""").params(channelId, lastRead, userId, userId, roles).query(Long.class).single();
		}
		return new ReadState(Long.toString(channelId), (lastRead > 0) ? Long.toString(lastRead) : null, unread,
				(int) Math.min(mentions, Integer.MAX_VALUE));
	}

	/**
	 * A user's read state of a channel.
	 *
	 * @param channelId the channel
	 * @param lastReadMessageId the newest message the user has read or sent, null when
	 * none
	 * @param unread whether others wrote after it
	 * @param mentionCount how many of those mention the user (every one in a DM)
	 */
	public record ReadState(String channelId, @org.jspecify.annotations.Nullable String lastReadMessageId,
			boolean unread, int mentionCount) {

	}

	/** Forgets how far a deleted user has read (erasure). */
	@Transactional
	public void userDeleted(UUID userId) {
		this.jdbc.sql("delete from read_states where user_id = ?").param(userId).update();
	}

}
