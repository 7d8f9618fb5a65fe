package dev.flux.events.consumer;

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

}
