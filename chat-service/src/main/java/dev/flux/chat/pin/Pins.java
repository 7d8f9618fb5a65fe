package dev.flux.chat.pin;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.message.MessageVersions;
import dev.flux.chat.message.MessageView;
import dev.flux.chat.message.Messages;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Access;
import dev.flux.chat.server.ChannelAccess;
import dev.flux.events.contract.MessagePinned;
import dev.flux.events.contract.MessageUnpinned;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.permission.Permission;

/**
 * Pins. Pinning locks the channel row, so the limit of {@value #MAX_PINS} holds under
 * concurrent pins, and counts one in the message's version (the aggregateVersion of
 * {@code message.pinned} and {@code message.unpinned}). A deleted message leaves the pins
 * with it.
 */
@Service
public class Pins {

	/** The most pins a channel holds (Discord's limit too). */
	public static final int MAX_PINS = 50;

	private final JdbcClient jdbc;

	private final Access access;

	private final Messages messages;

	private final MessageVersions versions;

	private final Outbox outbox;

	private final Clock clock;

	Pins(JdbcClient jdbc, Access access, Messages messages, MessageVersions versions, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.access = access;
		this.messages = messages;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Pins a message; pinning it again changes nothing.
	 * @throws Refusal 403 without MANAGE_MESSAGES in a server channel; 409
	 * {@code too-many-pins} at {@value #MAX_PINS}
	 */
	@Transactional
	public void pin(long channelId, long messageId, UUID userId) {
		ChannelAccess access = manageable(channelId, userId);
		this.jdbc.sql("select id from channels where id = ? for update").param(channelId).query(Long.class).single();
		long version = this.versions.lock(channelId, messageId);
		if (this.jdbc.sql("select count(*) from pins where channel_id = ? and message_id = ?")
			.params(channelId, messageId)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		if (this.jdbc.sql("select count(*) from pins where channel_id = ?")
			.param(channelId)
			.query(Long.class)
			.single() >= MAX_PINS) {
			throw Refusal.conflict("too-many-pins", "A channel holds at most " + MAX_PINS + " pins: unpin one first.");
		}
		this.jdbc.sql("insert into pins (channel_id, message_id, pinned_by, pinned_at) values (?, ?, ?, ?)")
			.params(channelId, messageId, userId, Timestamp.from(this.clock.instant()))
			.update();
		this.outbox.append(Long.toString(messageId), this.versions.bump(channelId, messageId, version),
				new MessagePinned(Long.toString(messageId), Long.toString(channelId), access.serverIdText(), userId));
	}

	/** Unpins a message; one not pinned changes nothing. */
	@Transactional
	public void unpin(long channelId, long messageId, UUID userId) {
		ChannelAccess access = manageable(channelId, userId);
		long version = this.versions.lock(channelId, messageId);
		int removed = this.jdbc.sql("delete from pins where channel_id = ? and message_id = ?")
			.params(channelId, messageId)
			.update();
		if (removed > 0) {
			this.outbox.append(Long.toString(messageId), this.versions.bump(channelId, messageId, version),
					new MessageUnpinned(Long.toString(messageId), Long.toString(channelId), access.serverIdText(),
							userId));
		}
	}

	/** The channel's pinned messages, the latest pin first (READ_MESSAGE_HISTORY). */
	@Transactional(readOnly = true)
	public List<MessageView> of(long channelId, UUID userId) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		access.require(Permission.READ_MESSAGE_HISTORY);
		return this.jdbc
			.sql("select message_id from pins where channel_id = ? order by pinned_at desc, message_id desc")
			.param(channelId)
			.query(Long.class)
			.list()
			.stream()
			.map((messageId) -> this.messages.get(channelId, messageId, userId))
			.toList();
	}

	private ChannelAccess manageable(long channelId, UUID userId) {
		ChannelAccess access = this.access.anyChannel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		if (!access.isDirect()) {
			access.require(Permission.MANAGE_MESSAGES);
		}
		return access;
	}

}
