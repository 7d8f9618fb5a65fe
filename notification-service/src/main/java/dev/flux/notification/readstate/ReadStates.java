package dev.flux.notification.readstate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.ChatDirectory;

/**
 * Read states as chat-service's events tell them, so the snapshot never asks
 * chat-service: a user's last read message of a channel moves to the newest of their acks
 * ({@code read_state.updated}) and their own messages (sending reads the channel up to
 * it, as in Discord); a channel is unread when its newest message ({@code message.sent})
 * is past that; its mentions are those of {@code message.sent} after it (in a DM every
 * message of the others). Every write only moves forward, so events apply in any order,
 * any number of times.
 */
@Service
public class ReadStates {

	private final JdbcClient jdbc;

	private final ChatDirectory chat;

	ReadStates(JdbcClient jdbc, ChatDirectory chat) {
		this.jdbc = jdbc;
		this.chat = chat;
	}

	/**
	 * A message moves its channel's newest message, reads the channel for its author and
	 * counts as a mention for those it mentions: two statements, whatever the mentions.
	 * The first locks the channel's head before the author's read position, the second
	 * the mentions after both, in the order of the one-write-per-statement version, so
	 * partitions applying messages of one channel at once wait for each other rather than
	 * deadlock (one statement for all three left their order to PostgreSQL, and
	 * deadlocked under the chat bench).
	 */
	@Transactional
	public void messageSent(MessageSent sent) {
		long channelId = Long.parseLong(sent.channelId());
		long messageId = Long.parseLong(sent.messageId());
		UUID author = sent.authorId();
		// The author's position is written from the head's count: after the head.
		this.jdbc.sql("""
				with head as (
				  insert into channel_heads (channel_id, last_message_id) values (?, ?)
				  on conflict (channel_id) do update set last_message_id = excluded.last_message_id
				  where channel_heads.last_message_id < excluded.last_message_id
				  returning 1
				)
				insert into read_positions (user_id, channel_id, last_read_id)
				select ?, ?, ? from (select count(*) from head) as head_written where flux_storable(?)
				on conflict (user_id, channel_id) do update set last_read_id = excluded.last_read_id
				where read_positions.last_read_id < excluded.last_read_id
				""").params(channelId, messageId, author, channelId, messageId, author).update();
		// The author is never among those mentioned: the two touch different rows.
		this.jdbc.sql("""
				with author_mentions_read as (
				  delete from unread_mentions where user_id = ? and channel_id = ? and message_id <= ?
				)
				insert into unread_mentions (user_id, channel_id, message_id)
				select m.user_id, ?, ? from unnest(?::uuid[]) as m (user_id)
				where not exists (select 1 from read_positions p
				    where p.user_id = m.user_id and p.channel_id = ? and p.last_read_id >= ?)
				  and flux_storable(m.user_id)
				on conflict do nothing
				""")
			.params(author, channelId, messageId, channelId, messageId,
					mentioned(sent).stream().map(UUID::toString).toArray(String[]::new), channelId, messageId)
			.update();
	}

	/** A deleted message is no unread mention any more. */
	@Transactional
	public void messageDeleted(MessageDeleted deleted) {
		this.jdbc.sql("delete from unread_mentions where channel_id = ? and message_id = ?")
			.params(Long.parseLong(deleted.channelId()), Long.parseLong(deleted.messageId()))
			.update();
	}

	/** An ack on one of the user's devices. */
	@Transactional
	public void acked(ReadStateUpdated acked) {
		read(acked.userId(), Long.parseLong(acked.channelId()), Long.parseLong(acked.lastReadMessageId()));
	}

	/** The user's read states of these channels, in their order. */
	@Transactional(readOnly = true)
	public List<ReadStateView> of(UUID userId, Collection<Long> channelIds) {
		if (channelIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select c.channel_id, p.last_read_id, h.last_message_id,
				  (select count(*) from unread_mentions m where m.user_id = ? and m.channel_id = c.channel_id
				   and m.message_id > coalesce(p.last_read_id, 0)) as mentions
				from unnest(?::bigint[]) with ordinality as c(channel_id, n)
				left join read_positions p on p.user_id = ? and p.channel_id = c.channel_id
				left join channel_heads h on h.channel_id = c.channel_id
				order by c.n
				""").params(userId, channelIds.toArray(Long[]::new), userId).query((rs, row) -> {
			long lastRead = rs.getLong("last_read_id");
			boolean read = !rs.wasNull();
			long newest = rs.getLong("last_message_id");
			boolean unread = !rs.wasNull() && newest > lastRead;
			return new ReadStateView(Long.toString(rs.getLong("channel_id")), read ? Long.toString(lastRead) : null,
					unread, (int) Math.min(rs.getLong("mentions"), Integer.MAX_VALUE));
		}).list();
	}

	/** Forgets how far a deleted account read, and its mentions. */
	@Transactional
	public void forget(UUID userId) {
		this.jdbc.sql("delete from read_positions where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from unread_mentions where user_id = ?").param(userId).update();
	}

	private void read(UUID userId, long channelId, long messageId) {
		this.jdbc.sql("""
				insert into read_positions (user_id, channel_id, last_read_id) select ?, ?, ? where flux_storable(?)
				on conflict (user_id, channel_id) do update set last_read_id = excluded.last_read_id
				where read_positions.last_read_id < excluded.last_read_id
				""").params(userId, channelId, messageId, userId).update();
		this.jdbc.sql("delete from unread_mentions where user_id = ? and channel_id = ? and message_id <= ?")
			.params(userId, channelId, messageId)
			.update();
	}

	/** Who the message counts as a mention for: in a DM, every other member. */
	private Set<UUID> mentioned(MessageSent sent) {
		if (sent.serverId() != null) {
			return this.chat.mentioned(sent);
		}
		Audience audience = this.chat.audience(Long.parseLong(sent.channelId())).orElse(null);
		if (audience == null) {
			return Set.of();
		}
		Set<UUID> others = new HashSet<>(audience.viewers());
		others.remove(sent.authorId());
		return others;
	}

	/**
	 * A user's read state of a channel, as the snapshot shows it.
	 *
	 * @param channelId the channel
	 * @param lastReadMessageId the newest message the user read or sent there, null when
	 * none
	 * @param unread whether the channel has a newer message
	 * @param mentionCount the unread messages that mention the user (every one of the
	 * others in a DM)
	 */
	public record ReadStateView(String channelId, @Nullable String lastReadMessageId, boolean unread,
			int mentionCount) {

	}

}
