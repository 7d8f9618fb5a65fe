package dev.flux.events.outbox;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An outbox row waiting to be published, with the envelope exactly as stored. */
record PendingEvent(long id, UUID eventId, String type, String aggregateId, UUID correlationId,
		@Nullable String traceparent, Instant createdAt, String envelope) {

}
