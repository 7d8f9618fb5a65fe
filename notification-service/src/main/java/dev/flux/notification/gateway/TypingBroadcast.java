package dev.flux.notification.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.TypingStarted;
import dev.flux.events.topology.FluxTopology;

/**
 * Tells every gateway instance that a user is typing in a channel. Typing is ephemeral:
 * it goes straight to the exchange, not persistent, never through the outbox, and the
 * broker drops it once it has expired.
 */
@Component
class TypingBroadcast {

	/** How long a client shows that someone types after one {@code typing}. */
	static final Duration SHOWN_FOR = Duration.ofSeconds(8);

	private static final String PRODUCER = "notification-service";

	private final RabbitTemplate rabbit;

	private final EventCodec codec;

	private final Clock clock;

	TypingBroadcast(RabbitTemplate rabbit, EventCodec codec, Clock clock) {
		this.rabbit = rabbit;
		this.codec = codec;
		this.clock = clock;
	}

	/** Publishes that the user types; answers until when clients show it. */
	Instant started(long channelId, @Nullable Long serverId, UUID userId, @Nullable UUID correlationId) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(SHOWN_FOR);
		TypingStarted typing = new TypingStarted(Long.toString(channelId),
				(serverId != null) ? Long.toString(serverId) : null, userId, expiresAt);
		EventEnvelope envelope = this.codec.envelope(typing, UUID.randomUUID(), now, PRODUCER, Long.toString(channelId),
				1, (correlationId != null) ? correlationId : UUID.randomUUID(), null);
		this.rabbit.send(FluxTopology.EVENTS_EXCHANGE, envelope.type(),
				MessageBuilder.withBody(this.codec.toJson(envelope))
					.setMessageId(envelope.eventId().toString())
					.setType(envelope.type())
					.setContentType("application/json")
					.setContentEncoding(StandardCharsets.UTF_8.name())
					.setDeliveryMode(MessageDeliveryMode.NON_PERSISTENT)
					.setExpiration(Long.toString(SHOWN_FOR.toMillis()))
					.setCorrelationId(envelope.correlationId().toString())
					.build());
		return expiresAt;
	}

}
