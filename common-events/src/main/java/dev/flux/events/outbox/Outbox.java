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

}
