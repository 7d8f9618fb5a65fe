package dev.flux.events.consumer;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL of the dead-letter table. */
final class DeadLetterStore {

	private static final String COLUMNS = """
			id, queue, event_id, event_type, routing_key, error_class, error_message, attempts, first_failed_at,
			dead_at, status, resolved_at, properties::text AS properties, body""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	DeadLetterStore(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(String queue, @Nullable String eventId, @Nullable String eventType, String routingKey,
			Map<String, Object> headers, byte[] body, String errorClass, @Nullable String errorMessage, int attempts,
			@Nullable Instant firstFailedAt, Instant deadAt) {
		this.jdbc.update("""
				INSERT INTO flux_events.dead_letters (queue, event_id, event_type, routing_key, properties, body,
				    error_class, error_message, attempts, first_failed_at, dead_at)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""", queue, eventId, eventType, routingKey,
				this.json.writeValueAsString(headers), body, errorClass, errorMessage, attempts,
				(firstFailedAt != null) ? Timestamp.from(firstFailedAt) : null, Timestamp.from(deadAt));
	}

	List<DeadLetter> list(String queue, @Nullable String status, long afterId, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + """
				 FROM flux_events.dead_letters
				WHERE queue = ? AND (CAST(? AS text) IS NULL OR status = ?) AND id > ?
				ORDER BY id LIMIT ?""", this::deadLetter, queue, status, status, afterId, limit);
	}

	Optional<DeadLetter> find(String queue, long id) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM flux_events.dead_letters WHERE queue = ? AND id = ?", this::deadLetter,
					queue, id)
			.stream()
			.findFirst();
	}

	/**
	 * Marks a dead letter resolved; false when it was not DEAD (already replayed or
	 * discarded).
	 */
	boolean resolve(String queue, long id, String status) {
		return this.jdbc.update("""
				UPDATE flux_events.dead_letters SET status = ?, resolved_at = now()
				WHERE queue = ? AND id = ? AND status = 'DEAD'""", status, queue, id) == 1;
	}

	/**
	 * Erases the dead letters, of any queue, whose body names the id: the envelope's
	 * payload becomes null (a body that is no JSON object is emptied), the error message
	 * goes, and the letter is DISCARDED.
	 */
	int erase(String id) {
		List<Map.Entry<Long, byte[]>> named = this.jdbc.query(
				"SELECT id, body FROM flux_events.dead_letters WHERE position(convert_to(?, 'UTF8') in body) > 0",
				(rs, row) -> Map.entry(rs.getLong("id"), rs.getBytes("body")), id);
		for (Map.Entry<Long, byte[]> letter : named) {
			this.jdbc.update("""
					UPDATE flux_events.dead_letters
					SET body = ?, error_message = NULL, properties = properties - 'flux-error',
					    status = 'DISCARDED', resolved_at = coalesce(resolved_at, now())
					WHERE id = ?""", withoutPayload(letter.getValue()), letter.getKey());
		}
		return named.size();
	}

	private byte[] withoutPayload(byte[] body) {
		try {
			if (this.json.readTree(body) instanceof ObjectNode envelope) {
				envelope.putNull("payload");
				return this.json.writeValueAsBytes(envelope);
			}
		}
		catch (JacksonException ex) {
			// not JSON: nothing in it can be kept
		}
		return new byte[0];
	}

	long countDead(String queue) {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM flux_events.dead_letters WHERE queue = ? AND status = 'DEAD'", Long.class, queue);
		return (count != null) ? count : 0;
	}

	private DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
		return new DeadLetter(rs.getLong("id"), rs.getString("queue"), rs.getString("event_id"),
				rs.getString("event_type"), rs.getString("routing_key"), rs.getString("error_class"),
				rs.getString("error_message"), rs.getInt("attempts"), instant(rs.getTimestamp("first_failed_at")),
				rs.getTimestamp("dead_at").toInstant(), rs.getString("status"), instant(rs.getTimestamp("resolved_at")),
				this.json.readValue(rs.getString("properties"), new TypeReference<Map<String, Object>>() {
				}), new String(rs.getBytes("body"), StandardCharsets.UTF_8));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
