package dev.flux.chat.server;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.outbox.Outbox;

/**
 * Appends the events of servers, channels and roles to the outbox in the caller's
 * transaction. Every {@code server.*} event counts one in the server's {@code event_seq}
 * (its aggregateVersion); channel and role events carry the channel's or role's version.
 */
@Component
class ServerEvents {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	ServerEvents(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void server(long serverId, Object payload) {
		long seq = this.jdbc.sql("update servers set event_seq = event_seq + 1 where id = ? returning event_seq")
			.param(serverId)
			.query(Long.class)
			.single();
		this.outbox.append(Long.toString(serverId), seq, payload);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void channel(long channelId, long version, Object payload) {
		this.outbox.append(Long.toString(channelId), version, payload);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void role(long roleId, long version, Object payload) {
		this.outbox.append(Long.toString(roleId), version, payload);
	}

}
