package dev.flux.notification.presence;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.contract.PresenceUpdated;
import dev.flux.events.outbox.Outbox;

/**
 * A user's presence across every gateway instance: online from their first live session
 * to the end of their last (or what they chose over the socket while connected). Each
 * change is published as {@code presence.updated} through the outbox, in the transaction
 * that records it, with the user's presence sequence as the aggregate version. The user's
 * presence row is locked first in every change, so instances changing one user take turns
 * and the last session to end is the one that publishes {@code offline}.
 */
@Service
public class Presence {

	private static final Logger logger = LoggerFactory.getLogger(Presence.class);

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Presence(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/** A session of the user opened on this instance. */
	@Transactional
	public void connected(String instanceId, UUID userId) {
		if (!lock(userId)) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO gateway_sessions (instance_id, user_id, sessions) VALUES (?, ?, 1)
				ON CONFLICT (instance_id, user_id) DO UPDATE SET sessions = gateway_sessions.sessions + 1
				""").params(instanceId, userId).update();
		settle(userId);
	}

	/** A session of the user on this instance ended. */
	@Transactional
	public void disconnected(String instanceId, UUID userId) {
		if (!lock(userId)) {
			return;
		}
		int deleted = this.jdbc
			.sql("DELETE FROM gateway_sessions WHERE instance_id = ? AND user_id = ? AND sessions = 1")
			.params(instanceId, userId)
			.update();
		if (deleted == 0) {
			this.jdbc.sql("UPDATE gateway_sessions SET sessions = sessions - 1 WHERE instance_id = ? AND user_id = ?")
				.params(instanceId, userId)
				.update();
		}
		settle(userId);
	}

	/**
	 * The user chose a status over the socket ({@code online} or {@code offline}), or
	 * none to follow their connections again.
	 */
	@Transactional
	public void choose(UUID userId, @Nullable String status) {
		if (!lock(userId)) {
			return;
		}
		this.jdbc.sql("UPDATE presence SET chosen = ? WHERE user_id = ?").params(status, userId).update();
		settle(userId);
	}

	/** The status the gateways last published for the user. */
	@Transactional(readOnly = true)
	public String statusOf(UUID userId) {
		return this.jdbc.sql("SELECT status FROM presence WHERE user_id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.orElse("offline");
	}

	/** Forgets a deleted account, without publishing anything more about it. */
	@Transactional
	public void forget(UUID userId) {
		this.jdbc.sql("DELETE FROM gateway_sessions WHERE user_id = ?").param(userId).update();
		this.jdbc.sql("DELETE FROM presence WHERE user_id = ?").param(userId).update();
	}

	/** Records that this instance is alive. */
	@Transactional
	public void heartbeat(String instanceId) {
		this.jdbc.sql("""
				INSERT INTO gateway_instances (instance_id, seen_at) VALUES (?, now())
				ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()
				""").param(instanceId).update();
	}

	/**
	 * Ends the sessions of instances not seen for {@code silence} (they crashed), so
	 * their users go offline unless connected elsewhere; answers how many users were
	 * settled.
	 */
	@Transactional
	public int sweepSilentInstances(Duration silence) {
		List<String> silent = this.jdbc.sql(
				"SELECT instance_id FROM gateway_instances WHERE seen_at < now() - make_interval(secs => ?) FOR UPDATE SKIP LOCKED")
			.param((double) silence.toSeconds())
			.query(String.class)
			.list();
		int settled = 0;
		for (String instance : silent) {
			List<UUID> users = this.jdbc.sql("SELECT user_id FROM gateway_sessions WHERE instance_id = ?")
				.param(instance)
				.query(UUID.class)
				.list();
			for (UUID user : users) {
				lock(user);
				this.jdbc.sql("DELETE FROM gateway_sessions WHERE instance_id = ? AND user_id = ?")
					.params(instance, user)
					.update();
				settle(user);
				settled++;
			}
			this.jdbc.sql("DELETE FROM gateway_instances WHERE instance_id = ?").param(instance).update();
			logger.warn("Gateway instance {} went silent; ended its sessions of {} users", instance, users.size());
		}
		return settled;
	}

	/** Ends every session of an instance at once (it is shutting down). */
	@Transactional
	public void instanceStopped(String instanceId) {
		List<UUID> users = this.jdbc.sql("SELECT user_id FROM gateway_sessions WHERE instance_id = ?")
			.param(instanceId)
			.query(UUID.class)
			.list();
		for (UUID user : users) {
			lock(user);
			this.jdbc.sql("DELETE FROM gateway_sessions WHERE instance_id = ? AND user_id = ?")
				.params(instanceId, user)
				.update();
			settle(user);
		}
		this.jdbc.sql("DELETE FROM gateway_instances WHERE instance_id = ?").param(instanceId).update();
	}

	/**
	 * Locks the user's presence row, created if missing; false for a deleted account,
	 * whose presence must not come back (a socket opened just before the deletion was
	 * known, say).
	 */
	private boolean lock(UUID userId) {
		this.jdbc.sql("""
				INSERT INTO presence (user_id) SELECT :id WHERE flux_storable(:id)
				ON CONFLICT (user_id) DO NOTHING""").param("id", userId).update();
		return this.jdbc.sql("SELECT user_id FROM presence WHERE user_id = ? FOR UPDATE")
			.param(userId)
			.query()
			.listOfRows()
			.size() == 1;
	}

	private void settle(UUID userId) {
		State state = this.jdbc.sql("SELECT sequence, status, chosen FROM presence WHERE user_id = ?")
			.param(userId)
			.query((rs, row) -> new State(rs.getLong("sequence"), rs.getString("status"), rs.getString("chosen")))
			.single();
		long sessions = this.jdbc.sql("SELECT coalesce(sum(sessions), 0) FROM gateway_sessions WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		String effective = (sessions == 0) ? "offline" : ((state.chosen() != null) ? state.chosen() : "online");
		if (effective.equals(state.status())) {
			return;
		}
		long sequence = state.sequence() + 1;
		this.jdbc.sql("UPDATE presence SET status = ?, sequence = ? WHERE user_id = ?")
			.params(effective, sequence, userId)
			.update();
		this.outbox.append(userId.toString(), sequence, new PresenceUpdated(userId, effective));
	}

	private record State(long sequence, String status, @Nullable String chosen) {
	}

}
