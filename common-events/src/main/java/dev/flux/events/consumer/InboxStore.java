package dev.flux.events.consumer;

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

}
