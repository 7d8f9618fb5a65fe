package dev.flux.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The JSON envelope every Flux event travels in; its metadata is mirrored in AMQP
 * properties.
 *
 * @param eventId unique id of this event, the consumers' deduplication key
 * @param type the event type, also the routing key, e.g. {@code user.created}
 * @param version the payload's contract version
 * @param occurredAt when the change was committed by the producer
 * @param producer the service that produced the event
 * @param aggregateId the id of the changed aggregate (a user id, ...)
 * @param aggregateVersion increases by one per change of that aggregate; consumers drop
 * stale updates with it
 * @param correlationId the id shared by everything one request caused
 * @param causationId the event that caused this one, if any
 * @param payload the type-specific body
 */
public record EventEnvelope(UUID eventId, String type, int version, Instant occurredAt, String producer,
		String aggregateId, long aggregateVersion, UUID correlationId, @Nullable UUID causationId, JsonNode payload) {

}
