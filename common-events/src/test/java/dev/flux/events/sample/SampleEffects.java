package dev.flux.events.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeferredWrites;

/**
 * What the sample handler did, as rows written in its transaction: one per applied event,
 * a deferred write ({@link DeferredWrites}), as a service's projection would. A note
 * starting with {@code unwritable-} breaks a constraint, so its write fails at the flush;
 * with {@code seen-} the row records how many earlier rows of its sample the handler saw.
 */
public class SampleEffects {

	private final JdbcTemplate jdbc;

	private final DeferredWrites writes;

	SampleEffects(JdbcTemplate jdbc, DeferredWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
		jdbc.execute(
				"""
						CREATE TABLE IF NOT EXISTS sample_effects (
						    id bigserial PRIMARY KEY, event_id uuid NOT NULL, sample_id uuid NOT NULL, note text NOT NULL,
						    aggregate_version bigint NOT NULL, correlation_id uuid NOT NULL, causation_id uuid, traceparent text)""");
		// Which transaction applied each event, so that tests can see batches.
		jdbc.execute("ALTER TABLE sample_effects ADD COLUMN IF NOT EXISTS txid bigint DEFAULT txid_current()");
		jdbc.execute("ALTER TABLE sample_effects ADD COLUMN IF NOT EXISTS seen_before int");
		jdbc.execute(
				"""
						DO $$ BEGIN
						    ALTER TABLE sample_effects ADD CONSTRAINT sample_effects_writable CHECK (note NOT LIKE 'unwritable-%');
						EXCEPTION WHEN duplicate_object THEN NULL;
						END $$""");
	}

	void record(EventEnvelope envelope, SampleHappened event, @Nullable String traceparent) {
		Integer seenBefore = event.note().startsWith("seen-") ? this.jdbc.queryForObject(
				"SELECT count(*) FROM sample_effects WHERE sample_id = ?", Integer.class, event.sampleId()) : null;
		this.writes.update("""
				INSERT INTO sample_effects (event_id, sample_id, note, aggregate_version, correlation_id, causation_id,
				    traceparent, seen_before)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", envelope.eventId(), event.sampleId(), event.note(),
				envelope.aggregateVersion(), envelope.correlationId(), envelope.causationId(), traceparent, seenBefore);
	}

	/**
	 * How many earlier rows of its sample the handler of each {@code seen-} event saw, in
	 * the order the rows were written.
	 */
	public List<Integer> seenBefore(UUID sampleId) {
		return this.jdbc.queryForList("SELECT seen_before FROM sample_effects WHERE sample_id = ? ORDER BY id",
				Integer.class, sampleId);
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
