package dev.flux.system.fault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.topology.FluxTopology;
import dev.flux.system.harness.FluxSystem;

/**
 * Publishes an event the way auth-service's relay does: its broker user, the envelope of
 * {@link EventCodec}, the AMQP properties the relay sets, publisher confirms.
 */
public final class Producer {

	private final EventCodec codec = EventCodec.standard();

	private final FluxSystem system;

	public Producer(FluxSystem system) {
		this.system = system;
	}

	/**
	 * Publishes a payload of auth-service's as version {@code aggregateVersion} of its
	 * user.
	 */
	public EventEnvelope publish(Object payload, UUID userId, long aggregateVersion) throws Exception {
		EventEnvelope envelope = this.codec.envelope(payload, UUID.randomUUID(), Instant.now(), "auth-service",
				userId.toString(), aggregateVersion, UUID.randomUUID(), null);
		ConnectionFactory factory = new ConnectionFactory();
		factory.setUsername("flux-auth");
		factory.setPassword("flux-auth");
		factory.setVirtualHost(FluxTopology.VHOST);
		try (Connection connection = factory.newConnection(Address.parseAddresses(this.system.cluster().addresses()));
				Channel channel = connection.createChannel()) {
			channel.confirmSelect();
			AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
				.messageId(envelope.eventId().toString())
				.type(envelope.type())
				.correlationId(envelope.correlationId().toString())
				.contentType("application/json")
				.contentEncoding(StandardCharsets.UTF_8.name())
				.deliveryMode(2)
				.timestamp(Date.from(envelope.occurredAt()))
				.appId("auth-service")
				// As the relay does: the partition exchanges hash it.
				.headers(Map.of(FluxTopology.AGGREGATE_HEADER, userId.toString()))
				.build();
			channel.basicPublish(FluxTopology.EVENTS_EXCHANGE, envelope.type(), true, properties,
					this.codec.toJson(envelope));
			channel.waitForConfirmsOrDie(TimeUnit.SECONDS.toMillis(30));
		}
		return envelope;
	}

}
