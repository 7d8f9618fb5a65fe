package dev.flux.events.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The SQL of the outbox table. */
final class OutboxStore {

	static final String CHANNEL = "flux_outbox";

	private final JdbcTemplate jdbc;

	private final CommitNotifier notifier;

	OutboxStore(JdbcTemplate jdbc, CommitNotifier notifier) {
		this.jdbc = jdbc;
		this.notifier = notifier;
	}

	/** What wakes the active relay after this instance's commits. */
	CommitNotifier notifier() {
		return this.notifier;
	}

	void insert(UUID eventId, String type, int version, String aggregateId, long aggregateVersion, UUID correlationId,
			@Nullable String traceparent, boolean sensitive, String envelope) {
		this.jdbc.update("""
				INSERT INTO flux_events.outbox_events (event_id, event_type, event_version, aggregate_id,
				    aggregate_version, correlation_id, traceparent, sensitive, envelope)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json)""", eventId, type, version, aggregateId, aggregateVersion,
				correlationId, traceparent, sensitive, envelope);
		notifyOnCommit();
	}

	/**
	 * Wakes the relay once per transaction, however many events it appends, after it
	 * commits, and not at all if it rolls back ({@link CommitNotifier}).
	 */
	private void notifyOnCommit() {
		boolean registered = TransactionSynchronizationManager.getSynchronizations()
			.stream()
			.anyMatch(NotifyOnCommit.class::isInstance);
		if (!registered) {
			TransactionSynchronizationManager.registerSynchronization(new NotifyOnCommit(this.notifier));
		}
	}

	/** Pending rows after the given id (0: from the oldest), in id order. */
	List<PendingEvent> pendingAfter(long afterId, int limit) {
		return this.jdbc.query(
				"""
						SELECT id, event_id, event_type, aggregate_id, correlation_id, traceparent, created_at, envelope::text AS envelope
						FROM flux_events.outbox_events WHERE status = 'PENDING' AND id > ? ORDER BY id LIMIT ?""",
				OutboxStore::pendingEvent, afterId, limit);
	}

	private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
		return new PendingEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
				rs.getString("aggregate_id"), rs.getObject("correlation_id", UUID.class), rs.getString("traceparent"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("envelope"));
	}

	/**
	 * Published, non-sensitive events appended in {@code [from, to)} after row
	 * {@code afterId}, in id order: the retained event log that replays read.
	 */
	List<PendingEvent> retained(Instant from, Instant to, long afterId, int limit) {
		return this.jdbc.query(
				"""
						SELECT id, event_id, event_type, aggregate_id, correlation_id, traceparent, created_at, envelope::text AS envelope
						FROM flux_events.outbox_events
						WHERE status = 'PUBLISHED' AND NOT sensitive AND created_at >= ? AND created_at < ? AND id > ?
						ORDER BY id LIMIT ?""",
				OutboxStore::pendingEvent, Timestamp.from(from), Timestamp.from(to), afterId, limit);
	}

	/** When an event still in the outbox was appended. */
	Optional<Instant> appendedAt(UUID eventId) {
		return this.jdbc
			.query("SELECT created_at FROM flux_events.outbox_events WHERE event_id = ?",
					(rs, row) -> rs.getTimestamp(1).toInstant(), eventId)
			.stream()
			.findFirst();
	}

	/**
	 * Marks rows published; a sensitive event's payload is erased from the log at the
	 * same time.
	 */
	void markPublished(List<Long> ids) {
		this.jdbc.update(
				"""
						UPDATE flux_events.outbox_events
						SET status = 'PUBLISHED', published_at = now(), attempts = attempts + 1, last_error = NULL,
						    envelope = CASE WHEN sensitive THEN jsonb_set(envelope::jsonb, '{payload}', 'null'::jsonb)::json ELSE envelope END
						WHERE id = ANY (?) AND status = 'PENDING'""",
				(Object) ids.toArray(Long[]::new));
	}

	/**
	 * Treats every event of an aggregate as sensitive from now on: never replayed, the
	 * payload of a published one erased now and that of a pending one when it is
	 * published (its consumers still get it once, in order).
	 */
	int erase(String aggregateId) {
		return this.jdbc.update("""
				UPDATE flux_events.outbox_events
				SET sensitive = true, last_error = NULL,
				    envelope = CASE WHEN status = 'PUBLISHED'
				        THEN jsonb_set(envelope::jsonb, '{payload}', 'null'::jsonb)::json ELSE envelope END
				WHERE aggregate_id = ?""", aggregateId);
	}

	void markFailed(long id, String error) {
		this.jdbc.update("""
				UPDATE flux_events.outbox_events SET status = 'FAILED', attempts = attempts + 1, last_error = ?
				WHERE id = ? AND status = 'PENDING'""", error, id);
	}

	void recordFailedAttempt(List<Long> ids, String error) {
		this.jdbc.update("""
				UPDATE flux_events.outbox_events SET attempts = attempts + 1, last_error = ?
				WHERE id = ANY (?) AND status = 'PENDING'""", error, ids.toArray(Long[]::new));
	}

	/** Puts failed events back in line, for an operator who fixed their cause. */
	int retryFailed() {
		return this.jdbc.update("UPDATE flux_events.outbox_events SET status = 'PENDING' WHERE status = 'FAILED'");
	}

	OutboxStats stats() {
		return this.jdbc.queryForObject("""
				SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
				       min(created_at) FILTER (WHERE status = 'PENDING') AS oldest,
				       count(*) FILTER (WHERE status = 'FAILED') AS failed
				FROM flux_events.outbox_events WHERE status <> 'PUBLISHED'""", (rs, row) -> {
			Timestamp oldest = rs.getTimestamp("oldest");
			return new OutboxStats(rs.getLong("pending"), (oldest != null) ? oldest.toInstant() : null,
					rs.getLong("failed"));
		});
	}

	/**
	 * Deletes published events older than the retention, at most {@code batchSize} rows.
	 */
	int purgePublished(Duration retention, int batchSize) {
		return this.jdbc.update("""
				DELETE FROM flux_events.outbox_events WHERE id IN (
				    SELECT id FROM flux_events.outbox_events
				    WHERE status = 'PUBLISHED' AND published_at < ?
				    ORDER BY published_at LIMIT ?)""", Timestamp.from(Instant.now().minus(retention)), batchSize);
	}

	/** Counts of the outbox rows that are not yet published. */
	record OutboxStats(long pending, @Nullable Instant oldestPending, long failed) {

	}

	/** The wake-up of one transaction's relay, once it has committed. */
	private record NotifyOnCommit(CommitNotifier notifier) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			this.notifier.committed();
		}

	}

}
