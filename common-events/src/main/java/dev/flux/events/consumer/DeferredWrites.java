package dev.flux.events.consumer;

import org.jspecify.annotations.Nullable;

/**
 * Writes of event handlers that are sent per batch instead of per event: inside a batch
 * of deliveries a statement is queued and the batch's statements go to the database as
 * JDBC batches just before the batch commits; anywhere else it runs at once. Use it for
 * inserts and upserts no handler reads back through another aggregate's event of the same
 * batch: before a handler runs, the consumer sends the writes queued by earlier events of
 * the same aggregate, so one aggregate's events always see each other's writes, but a
 * handler of another aggregate does not see them until the commit. A deferred write that
 * fails does so at the flush, not in the handler: the batch rolls back and its events are
 * handled one by one, where the write runs at once and fails its own event alone.
 */
public interface DeferredWrites {

	/**
	 * Runs a parameterized insert, update or delete, now or with the batch's others; its
	 * update count is not returned.
	 * @param sql the statement, with {@code ?} placeholders
	 * @param args its parameters, bound as {@code JdbcTemplate.update} binds them
	 */
	void update(String sql, @Nullable Object... args);

	/**
	 * Sends the writes queued so far on this thread, for a handler that must read them
	 * back; nothing to do outside a batch.
	 */
	void flush();

}
