package dev.flux.events.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SQL of the outbox: the event log and the relay's pending queue. */
final class OutboxStore {

	static final String CHANNEL = "flux_outbox";

	private static final Long[] NONE = {};

	/** What the relay and replays read of an event of the log {@code e}. */
	private static final String EVENT = "SELECT e.id, e.event_id, e.event_type, e.aggregate_id, e.correlation_id, "
			+ "e.traceparent, e.created_at, e.envelope::text AS envelope ";

	private final JdbcTemplate jdbc;

	private final CommitNotifier notifier;

	/**
	 * The relay's own writes, outside any business transaction: plain JDBC, so a mark
	 * opens no EntityManager in a JPA service.
	 */
	private final TransactionTemplate transactions;

	OutboxStore(JdbcTemplate jdbc, CommitNotifier notifier) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.transactions = new TransactionTemplate(
				new JdbcTransactionManager(Objects.requireNonNull(jdbc.getDataSource(), "the outbox's DataSource")));
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
		return pendingBetween(afterId, Long.MAX_VALUE, NONE, limit);
	}

	/**
	 * Pending rows between two ids (both excluded) but the given ones, in id order: rows
	 * that committed after rows with higher ids were read.
	 */
	List<PendingEvent> pendingBetween(long afterId, long belowId, Long[] except, int limit) {
		return this.jdbc.query(EVENT + """
				FROM flux_events.outbox_pending p JOIN flux_events.outbox_events e ON e.id = p.id
				WHERE NOT p.failed AND p.id > ? AND p.id < ? AND p.id <> ALL (?) ORDER BY p.id LIMIT ?""",
				OutboxStore::pendingEvent, afterId, belowId, except, limit);
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
		return this.jdbc.query(EVENT + """
				FROM flux_events.outbox_events e
				WHERE NOT e.sensitive AND e.created_at >= ? AND e.created_at < ? AND e.id > ?
				    AND NOT EXISTS (SELECT 1 FROM flux_events.outbox_pending p WHERE p.id = e.id)
				ORDER BY e.id LIMIT ?""", OutboxStore::pendingEvent, Timestamp.from(from), Timestamp.from(to), afterId,
				limit);
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
	 * Marks rows published: takes them off the pending queue, and erases a sensitive
	 * event's payload from the log in the same transaction. The erasure is a statement of
	 * its own so that it sees an {@link #erase} that committed while the delete waited.
	 * The commit does not wait for the WAL flush, so marks do not queue for the disk with
	 * the appending transactions: a mark lost in a crash leaves its rows pending, and
	 * they are sent again as after a relay that died before marking (consumers are
	 * idempotent).
	 */
	void markPublished(List<Long> ids) {
		Long[] published = ids.toArray(Long[]::new);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.execute("SET LOCAL synchronous_commit = off");
			this.jdbc.update("DELETE FROM flux_events.outbox_pending WHERE id = ANY (?) AND NOT failed",
					(Object) published);
			this.jdbc.update("""
					UPDATE flux_events.outbox_events
					SET envelope = jsonb_set(envelope::jsonb, '{payload}', 'null'::jsonb)::json
					WHERE id = ANY (?) AND sensitive""", (Object) published);
		});
	}

	/**
	 * Treats every event of an aggregate as sensitive from now on: never replayed, the
	 * payload of a published one erased now and that of a pending one when it is
	 * published (its consumers still get it once, in order). The aggregate's pending rows
	 * are locked first, in id order: a relay marking one of them meanwhile waits for this
	 * transaction and then erases the payload itself.
	 */
	int erase(String aggregateId) {
		this.jdbc.update("""
				UPDATE flux_events.outbox_pending p SET last_error = NULL
				FROM (SELECT q.id FROM flux_events.outbox_pending q JOIN flux_events.outbox_events e ON e.id = q.id
				    WHERE e.aggregate_id = ? ORDER BY q.id FOR UPDATE OF q) locked
				WHERE p.id = locked.id""", aggregateId);
		return this.jdbc.update("""
				UPDATE flux_events.outbox_events e
				SET sensitive = true,
				    envelope = CASE WHEN EXISTS (SELECT 1 FROM flux_events.outbox_pending p WHERE p.id = e.id)
				        THEN envelope ELSE jsonb_set(envelope::jsonb, '{payload}', 'null'::jsonb)::json END
				WHERE aggregate_id = ?""", aggregateId);
	}

	void markFailed(long id, String error) {
		this.jdbc.update("""
				UPDATE flux_events.outbox_pending SET failed = true, attempts = attempts + 1, last_error = ?
				WHERE id = ? AND NOT failed""", error, id);
	}

	void recordFailedAttempt(List<Long> ids, String error) {
		this.jdbc.update("""
				UPDATE flux_events.outbox_pending SET attempts = attempts + 1, last_error = ?
				WHERE id = ANY (?) AND NOT failed""", error, ids.toArray(Long[]::new));
	}

	/** Puts failed events back in line, for an operator who fixed their cause. */
	int retryFailed() {
		return this.jdbc.update("UPDATE flux_events.outbox_pending SET failed = false WHERE failed");
	}

	OutboxStats stats() {
		return this.jdbc.queryForObject("""
				SELECT count(*) FILTER (WHERE NOT p.failed) AS pending,
				       min(e.created_at) FILTER (WHERE NOT p.failed) AS oldest,
				       count(*) FILTER (WHERE p.failed) AS failed
				FROM flux_events.outbox_pending p JOIN flux_events.outbox_events e ON e.id = p.id""", (rs, row) -> {
			Timestamp oldest = rs.getTimestamp("oldest");
			return new OutboxStats(rs.getLong("pending"), (oldest != null) ? oldest.toInstant() : null,
					rs.getLong("failed"));
		});
	}

	/**
	 * Deletes published events appended before the retention, oldest first, at most
	 * {@code batchSize} rows.
	 */
	int purgePublished(Duration retention, int batchSize) {
		return this.jdbc.update("""
				DELETE FROM flux_events.outbox_events WHERE id IN (
				    SELECT e.id FROM flux_events.outbox_events e
				    WHERE e.created_at < ? AND NOT EXISTS (SELECT 1 FROM flux_events.outbox_pending p WHERE p.id = e.id)
				    ORDER BY e.id LIMIT ?)""", Timestamp.from(Instant.now().minus(retention)), batchSize);
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
