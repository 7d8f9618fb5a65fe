package dev.flux.events.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link DeferredWrites} on the consumer's {@code JdbcTemplate}: the consumer opens a
 * {@link Batch} on its thread for the handlers of a batch and flushes it before the
 * commit. One event's INSERT round trip was the largest per-event cost left in a batch
 * (parse, bind, execute and a network wait for each); a JDBC batch of the same statement
 * is one round trip, and with pgjdbc's {@code reWriteBatchedInserts} one multi-row
 * INSERT.
 */
final class JdbcDeferredWrites implements DeferredWrites {

	private static final Object[] NO_ARGS = {};

	private final JdbcTemplate jdbc;

	private final ThreadLocal<Batch> batches = new ThreadLocal<>();

	JdbcDeferredWrites(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void update(String sql, @Nullable Object... args) {
		Object[] values = (args != null) ? args : NO_ARGS;
		Batch batch = this.batches.get();
		if (batch == null) {
			this.jdbc.update(sql, values);
		}
		else {
			batch.queue(sql, values);
		}
	}

	@Override
	public void flush() {
		Batch batch = this.batches.get();
		if (batch != null) {
			batch.flush();
		}
	}

	/**
	 * Opens a batch on this thread, in the batch's transaction: writes are queued until
	 * {@link Batch#flush()}; closing it drops what was not flushed (the batch rolled
	 * back).
	 */
	Batch open() {
		if (this.batches.get() != null) {
			throw new IllegalStateException("A batch of deferred writes is already open on this thread");
		}
		Batch batch = new Batch();
		this.batches.set(batch);
		return batch;
	}

	/** The writes queued by the handlers of one batch of deliveries. */
	final class Batch implements AutoCloseable {

		private final List<Statement> queued = new ArrayList<>();

		/** The aggregates with queued writes. */
		private final Set<String> pending = new HashSet<>();

		private String aggregate = "";

		private boolean failed;

		/**
		 * The next handler is about this aggregate: the writes of its earlier events in
		 * the batch are sent first, so that it reads what they wrote.
		 */
		void handling(String aggregateId) {
			if (this.pending.contains(aggregateId)) {
				List<Statement> ofAggregate = new ArrayList<>();
				List<Statement> others = new ArrayList<>();
				for (Statement statement : this.queued) {
					(statement.aggregate().equals(aggregateId) ? ofAggregate : others).add(statement);
				}
				this.queued.clear();
				this.queued.addAll(others);
				this.pending.remove(aggregateId);
				send(ofAggregate);
			}
			this.aggregate = aggregateId;
		}

		void queue(String sql, Object[] args) {
			this.queued.add(new Statement(this.aggregate, sql, args));
			this.pending.add(this.aggregate);
		}

		/** Sends every queued write. */
		void flush() {
			List<Statement> statements = List.copyOf(this.queued);
			this.queued.clear();
			this.pending.clear();
			send(statements);
		}

		/**
		 * Whether a flush failed: the failure belongs to whichever event queued the
		 * write, not necessarily the one whose handler was running.
		 */
		boolean failed() {
			return this.failed;
		}

		/**
		 * Runs the statements as JDBC batches, one per SQL string where the order of each
		 * aggregate's writes allows it. A statement joins the latest batch of its SQL
		 * unless an earlier write of its aggregate sits in a later batch: each
		 * aggregate's writes stay in the order they were queued, while writes of
		 * different aggregates, which Flux never orders (they may be in different
		 * partitions), may be regrouped. A handler writing two tables per event so still
		 * gets two batches, not two per event.
		 */
		private void send(List<Statement> statements) {
			if (statements.isEmpty()) {
				return;
			}
			List<Group> groups = new ArrayList<>();
			Map<String, Integer> latestOfSql = new HashMap<>();
			Map<String, Integer> latestOfAggregate = new HashMap<>();
			for (Statement statement : statements) {
				Integer group = latestOfSql.get(statement.sql());
				if (group == null || group < latestOfAggregate.getOrDefault(statement.aggregate(), -1)) {
					group = groups.size();
					groups.add(new Group(statement.sql(), new ArrayList<>()));
					latestOfSql.put(statement.sql(), group);
				}
				groups.get(group).args().add(statement.args());
				latestOfAggregate.put(statement.aggregate(), group);
			}
			try {
				for (Group group : groups) {
					if (group.args().size() == 1) {
						JdbcDeferredWrites.this.jdbc.update(group.sql(), group.args().getFirst());
					}
					else {
						JdbcDeferredWrites.this.jdbc.batchUpdate(group.sql(), group.args());
					}
				}
			}
			catch (RuntimeException ex) {
				this.failed = true;
				throw ex;
			}
		}

		@Override
		public void close() {
			this.queued.clear();
			this.pending.clear();
			JdbcDeferredWrites.this.batches.remove();
		}

	}

	private record Statement(String aggregate, String sql, Object[] args) {

	}

	private record Group(String sql, List<Object[]> args) {

	}

}
