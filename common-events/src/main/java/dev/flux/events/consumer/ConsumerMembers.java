package dev.flux.events.consumer;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The membership rows of a service's consumer instances
 * ({@code flux_events.consumer_members}). Liveness is judged by the database's clock, so
 * instances whose clocks differ still agree.
 */
final class ConsumerMembers {

	private final JdbcTemplate jdbc;

	ConsumerMembers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records that the instance is alive now at this generation, joining if it was not a
	 * member.
	 */
	void heartbeat(String consumer, String instance, long generation) {
		this.jdbc.update("""
				INSERT INTO flux_events.consumer_members (consumer, instance_id, generation) VALUES (?, ?, ?)
				ON CONFLICT (consumer, instance_id)
				DO UPDATE SET heartbeat_at = now(), generation = excluded.generation""", consumer, instance,
				generation);
	}

	/**
	 * The instances heard of within {@code timeout}, sorted by id; rows long dead (ten
	 * timeouts) are forgotten on the way.
	 */
	List<Member> live(String consumer, Duration timeout) {
		double seconds = timeout.toMillis() / 1000.0;
		this.jdbc.update("""
				DELETE FROM flux_events.consumer_members
				WHERE consumer = ? AND heartbeat_at < now() - make_interval(secs => ?)""", consumer, seconds * 10);
		return this.jdbc
			.query("""
					SELECT instance_id, generation FROM flux_events.consumer_members
					WHERE consumer = ? AND heartbeat_at >= now() - make_interval(secs => ?)""",
					(row, number) -> new Member(row.getString(1), row.getLong(2)), consumer, seconds)
			.stream()
			.sorted(Comparator.comparing(Member::instance))
			.toList();
	}

	/** A live instance, and how many times it subscribed again by itself. */
	record Member(String instance, long generation) {

	}

	/** Leaves the members: a graceful stop. */
	void leave(String consumer, String instance) {
		this.jdbc.update("DELETE FROM flux_events.consumer_members WHERE consumer = ? AND instance_id = ?", consumer,
				instance);
	}

}
