package dev.flux.events.consumer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL of the inbox table: which events each consumer has handled. */
final class InboxStore {

	private final JdbcTemplate jdbc;

	InboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the event as handled by the consumer; false when it already was. */
	boolean firstDelivery(String consumer, UUID eventId, String type) {
		return this.jdbc.update("""
				INSERT INTO flux_events.inbox (consumer, event_id, event_type) VALUES (?, ?, ?)
				ON CONFLICT (consumer, event_id) DO NOTHING""", consumer, eventId, type) == 1;
	}

	/**
	 * Records a batch of events as handled by the consumer in one statement; returns
	 * those that were not already.
	 */
	Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds, List<String> types) {
		return new HashSet<>(this.jdbc.queryForList("""
				INSERT INTO flux_events.inbox (consumer, event_id, event_type)
				SELECT ?, event_id, event_type FROM unnest(?::uuid[], ?::text[]) AS batch (event_id, event_type)
				ON CONFLICT (consumer, event_id) DO NOTHING
				RETURNING event_id""", UUID.class, consumer,
				eventIds.stream().map(UUID::toString).toArray(String[]::new), types.toArray(String[]::new)));
	}

	/**
	 * Deletes at most {@code batchSize} rows handled longer than {@code retention} ago,
	 * oldest first, in one statement (its own transaction), along the processed_at index.
	 * Rows another purge is deleting are skipped rather than waited for.
	 * @return how many it deleted
	 */
	int purgeProcessed(Duration retention, int batchSize) {
		return this.jdbc.update("""
				DELETE FROM flux_events.inbox WHERE (consumer, event_id) IN (
				    SELECT consumer, event_id FROM flux_events.inbox WHERE processed_at < ?
				    ORDER BY processed_at LIMIT ? FOR UPDATE SKIP LOCKED)""",
				Timestamp.from(Instant.now().minus(retention)), batchSize);
	}

}
