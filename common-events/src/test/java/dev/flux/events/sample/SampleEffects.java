package dev.flux.events.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.EventEnvelope;

/**
 * What the sample handler did, as rows written in its transaction: one per applied event.
 */
public class SampleEffects {

	private final JdbcTemplate jdbc;

	SampleEffects(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute(
				"""
						CREATE TABLE IF NOT EXISTS sample_effects (
						    id bigserial PRIMARY KEY, event_id uuid NOT NULL, sample_id uuid NOT NULL, note text NOT NULL,
						    aggregate_version bigint NOT NULL, correlation_id uuid NOT NULL, causation_id uuid, traceparent text)""");
		// Which transaction applied each event, so that tests can see batches.
		jdbc.execute("ALTER TABLE sample_effects ADD COLUMN IF NOT EXISTS txid bigint DEFAULT txid_current()");
	}

	void record(EventEnvelope envelope, SampleHappened event, @Nullable String traceparent) {
		this.jdbc.update("""
				INSERT INTO sample_effects (event_id, sample_id, note, aggregate_version, correlation_id, causation_id,
				    traceparent)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), event.sampleId(), event.note(),
				envelope.aggregateVersion(), envelope.correlationId(), envelope.causationId(), traceparent);
	}

	/** The metadata the applied event with this note carried. */
	public Map<String, Object> metadataOf(String note) {
		return this.jdbc.queryForMap(
				"SELECT event_id, correlation_id, causation_id, traceparent FROM sample_effects WHERE note = ?", note);
	}

	/** How many times the event with this note was applied. */
	public int timesApplied(String note) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM sample_effects WHERE note = ?", Integer.class,
				note);
		return (count != null) ? count : 0;
	}

	/**
	 * How many events whose note starts with the prefix were applied, counting repeats.
	 */
	public int applied(String notePrefix) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM sample_effects WHERE note LIKE ?", Integer.class,
				notePrefix + "%");
		return (count != null) ? count : 0;
	}

	/** How many distinct events whose note starts with the prefix were applied. */
	public int distinctApplied(String notePrefix) {
		Integer count = this.jdbc.queryForObject(
				"SELECT count(DISTINCT event_id) FROM sample_effects WHERE note LIKE ?", Integer.class,
				notePrefix + "%");
		return (count != null) ? count : 0;
	}

	/**
	 * In how many transactions the events whose note starts with the prefix were applied.
	 */
	public int transactions(String notePrefix) {
		Integer count = this.jdbc.queryForObject("SELECT count(DISTINCT txid) FROM sample_effects WHERE note LIKE ?",
				Integer.class, notePrefix + "%");
		return (count != null) ? count : 0;
	}

	/** The aggregate versions applied for a sample, in the order they were applied. */
	public List<Long> versionsApplied(UUID sampleId) {
		return this.jdbc.queryForList("SELECT aggregate_version FROM sample_effects WHERE sample_id = ? ORDER BY id",
				Long.class, sampleId);
	}

}
