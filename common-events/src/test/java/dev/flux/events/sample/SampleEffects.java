package dev.flux.events.sample;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the sample handler did, as rows written in its transaction: one per applied event.
 */
public class SampleEffects {

	private final JdbcTemplate jdbc;

	SampleEffects(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS sample_effects (
				    id bigserial PRIMARY KEY, event_id uuid NOT NULL, sample_id uuid NOT NULL, note text NOT NULL,
				    aggregate_version bigint NOT NULL, correlation_id uuid NOT NULL, causation_id uuid)""");
	}

	void record(UUID eventId, SampleHappened event, long aggregateVersion, UUID correlationId) {
		this.jdbc.update("""
				INSERT INTO sample_effects (event_id, sample_id, note, aggregate_version, correlation_id)
				VALUES (?, ?, ?, ?, ?)""", eventId, event.sampleId(), event.note(), aggregateVersion, correlationId);
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

	/** The aggregate versions applied for a sample, in the order they were applied. */
	public List<Long> versionsApplied(UUID sampleId) {
		return this.jdbc.queryForList("SELECT aggregate_version FROM sample_effects WHERE sample_id = ? ORDER BY id",
				Long.class, sampleId);
	}

	/** The correlation id the event with this note carried. */
	public UUID correlationOf(String note) {
		return this.jdbc.queryForObject("SELECT correlation_id FROM sample_effects WHERE note = ?", UUID.class, note);
	}

}
