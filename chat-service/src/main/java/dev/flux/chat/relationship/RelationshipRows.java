package dev.flux.chat.relationship;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes each user's side of a relationship, and the pair row that orders the
 * changes of two users' relationship.
 */
@Component
class RelationshipRows {

	private final JdbcClient jdbc;

	RelationshipRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the pair until the transaction ends (creating its row the first time). */
	void lockPair(UUID a, UUID b) {
		// By text, as PostgreSQL orders uuids (UUID.compareTo compares signed longs).
		UUID low = (a.toString().compareTo(b.toString()) < 0) ? a : b;
		UUID high = (low == a) ? b : a;
		this.jdbc
			.sql("insert into relationship_pairs (low_id, high_id, version) values (?, ?, 0) on conflict do nothing")
			.params(low, high)
			.update();
		this.jdbc.sql("select version from relationship_pairs where low_id = ? and high_id = ? for update")
			.params(low, high)
			.query(Long.class)
			.single();
	}

	/** Counts one change of the pair: the aggregateVersion of its event. */
	long nextVersion(UUID a, UUID b) {
		UUID low = (a.toString().compareTo(b.toString()) < 0) ? a : b;
		UUID high = (low == a) ? b : a;
		return this.jdbc.sql(
				"update relationship_pairs set version = version + 1 where low_id = ? and high_id = ? returning version")
			.params(low, high)
			.query(Long.class)
			.single();
	}

	static String pairId(UUID a, UUID b) {
		return (a.toString().compareTo(b.toString()) < 0) ? a + ":" + b : b + ":" + a;
	}

	/** {@code userId}'s side towards {@code otherId}, null when none. */
	@Nullable Kind kind(UUID userId, UUID otherId) {
		return this.jdbc.sql("select kind from relationships where user_id = ? and other_id = ?")
			.params(userId, otherId)
			.query(String.class)
			.optional()
			.map(Kind::of)
			.orElse(null);
	}

	@Nullable Row row(UUID userId, UUID otherId) {
		return this.jdbc.sql("select other_id, kind, since from relationships where user_id = ? and other_id = ?")
			.params(userId, otherId)
			.query((rs, row) -> new Row(rs.getObject("other_id", UUID.class), Kind.of(rs.getString("kind")),
					rs.getTimestamp("since").toInstant()))
			.optional()
			.orElse(null);
	}

	void put(UUID userId, UUID otherId, Kind kind, Instant now) {
		this.jdbc.sql("""
				insert into relationships (user_id, other_id, kind, since) values (?, ?, ?, ?)
				on conflict (user_id, other_id) do update set kind = excluded.kind, since = excluded.since
				""").params(userId, otherId, kind.value(), Timestamp.from(now)).update();
	}

	void delete(UUID userId, UUID otherId) {
		this.jdbc.sql("delete from relationships where user_id = ? and other_id = ?").params(userId, otherId).update();
	}

	List<Row> of(UUID userId) {
		return this.jdbc.sql("select other_id, kind, since from relationships where user_id = ? order by since desc")
			.param(userId)
			.query((rs, row) -> new Row(rs.getObject("other_id", UUID.class), Kind.of(rs.getString("kind")),
					rs.getTimestamp("since").toInstant()))
			.list();
	}

	/** One side of a relationship as its user sees it. */
	record Row(UUID otherId, Kind kind, Instant since) {

	}

}
