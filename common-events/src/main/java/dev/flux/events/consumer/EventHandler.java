package dev.flux.events.consumer;

import dev.flux.events.EventEnvelope;

/**
 * Handles one event type for a service; register it as a bean. The handler runs in a
 * transaction together with the inbox row that marks the event handled, so its writes
 * happen once per event however often the event is delivered. Throw
 * {@link dev.flux.events.NonRetryableEventException} for an event that can never succeed;
 * any other exception is retried through the retry tiers. Writes that need not run before
 * the batch commits can go through {@link DeferredWrites}, one round trip per batch.
 *
 * @param <P> the payload record, annotated with {@link dev.flux.events.EventType}
 */
public interface EventHandler<P> {

	/**
	 * The payload record this handler takes: the type argument its class (or a
	 * superclass) gives this interface, so a handler never names it twice.
	 * @throws IllegalStateException when the class leaves it open (a lambda, a raw type)
	 */
	default Class<P> payloadType() {
		return PayloadTypes.of(this);
	}

	/**
	 * Applies the event. Use {@code envelope.aggregateVersion()} to ignore a stale
	 * update.
	 * @param payload the event's payload
	 * @param envelope the event's metadata
	 */
	void handle(P payload, EventEnvelope envelope);

}
