package dev.flux.chat.sync;

import java.util.UUID;

import dev.flux.events.EventEnvelope;
import dev.flux.events.NonRetryableEventException;

/**
 * The check every user event passes: its envelope is about the user its payload names.
 */
final class AggregateIds {

	private AggregateIds() {
	}

	/**
	 * @throws NonRetryableEventException when the envelope's aggregate is another id (no
	 * retry can fix the event)
	 */
	static void check(EventEnvelope envelope, UUID userId) {
		if (!userId.toString().equals(envelope.aggregateId())) {
			throw new NonRetryableEventException(envelope.type() + " " + envelope.eventId() + " is about aggregate "
					+ envelope.aggregateId() + " but names user " + userId);
		}
	}

}
