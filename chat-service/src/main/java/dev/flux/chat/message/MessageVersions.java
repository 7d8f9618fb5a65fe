package dev.flux.chat.message;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.flux.chat.refusal.Refusal;

/**
 * A message's version, for changes that hang off a message (reactions, pins): each locks
 * the message row and moves its version on, so their events are ordered per message
 * whatever instance made them.
 */
@Component
public class MessageVersions {

	private final JdbcClient jdbc;

	MessageVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the message until the transaction ends.
	 * @return its version
	 * @throws Refusal 404 when the channel has no such message
	 */
	public long lock(long channelId, long messageId) {
		return this.jdbc.sql("select version from messages where channel_id = ? and id = ? for update")
			.params(channelId, messageId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> Refusal.notFound("The message"));
	}

	/** Moves a locked message's version on from {@code version}; the new one. */
	public long bump(long channelId, long messageId, long version) {
		this.jdbc.sql("update messages set version = ? where channel_id = ? and id = ?")
			.params(version + 1, channelId, messageId)
			.update();
		return version + 1;
	}

}
