package dev.flux.events.outbox;

import dev.flux.events.EventEnvelope;

/**
 * Appends events in the caller's transaction; they are published after it commits, and
 * never if it rolls back.
 */
public interface Outbox {

	/**
	 * Appends an event about an aggregate to the outbox of the current transaction.
	 * @param aggregateId the id of the changed aggregate, e.g. a user id
	 * @param aggregateVersion the aggregate's version after this change (one more than
	 * before)
	 * @param payload an {@link dev.flux.events.EventType @EventType} record
	 * @return the envelope that will be published
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	EventEnvelope append(String aggregateId, long aggregateVersion, Object payload);

	/**
	 * Erases what the outbox log holds about an aggregate whose data is gone (a deleted
	 * account): the payloads of its published events at once, those of its pending events
	 * as soon as they are published, and none of them is replayed any more. Ids, types
	 * and versions stay, for ordering and audit. Call it in the transaction that deletes
	 * the aggregate; events appended after it are kept as usual (the deletion's own
	 * event, say).
	 * @param aggregateId the id of the erased aggregate, e.g. a user id
	 * @return how many events were marked erased
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	int erase(String aggregateId);

}
