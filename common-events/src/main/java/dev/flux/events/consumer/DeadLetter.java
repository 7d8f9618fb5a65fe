package dev.flux.events.consumer;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message that failed for good, as operators see it.
 *
 * @param id the dead letter's id in this service
 * @param queue the queue it died in
 * @param eventId the event's id, if the message had one
 * @param eventType the event's type, if known
 * @param routingKey the routing key it was first published with
 * @param errorClass the exception that failed it last
 * @param errorMessage that exception's message
 * @param attempts how many times it was tried
 * @param firstFailedAt when it failed first
 * @param deadAt when it was dead-lettered
 * @param status DEAD, REPLAYED or DISCARDED
 * @param resolvedAt when it was replayed or discarded
 * @param headers the message's headers
 * @param body the original message body (the event's JSON)
 */
public record DeadLetter(long id, String queue, @Nullable String eventId, @Nullable String eventType, String routingKey,
		String errorClass, @Nullable String errorMessage, int attempts, @Nullable Instant firstFailedAt, Instant deadAt,
		String status, @Nullable Instant resolvedAt, Map<String, Object> headers, String body) {

}
