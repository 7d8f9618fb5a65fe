package dev.flux.events.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.jspecify.annotations.Nullable;

import dev.flux.events.topology.FluxTopology;

/**
 * Publishes batches of outbox rows on one dedicated channel in confirm mode, so they
 * leave in order, with mandatory routing, and sorts them by what the broker said:
 * confirmed, returned (no queue is bound for them) or unconfirmed (nacked, no answer in
 * time, or the connection failed). The RabbitMQ client is used directly: this is the
 * relay's hot path, and a batch needs one confirm wait rather than one future per
 * message.
 */
final class OutboxPublisher implements AutoCloseable {

	/** The AMQP header carrying the W3C trace context. */
	static final String TRACEPARENT_HEADER = "traceparent";

	private final ConnectionFactory connectionFactory;

	private final Duration confirmTimeout;

	private final Map<String, String> returned = new ConcurrentHashMap<>();

	private @Nullable Connection connection;

	private @Nullable Channel channel;

	OutboxPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout) {
		this.connectionFactory = connectionFactory;
		this.confirmTimeout = confirmTimeout;
	}

	/** Publishes to {@code app.events}, keyed by event type. */
	PublishOutcome publish(List<PendingEvent> batch) {
		return publish(batch, FluxTopology.EVENTS_EXCHANGE, PendingEvent::type);
	}

	/** Publishes to one consumer queue through {@code app.events.replay}. */
	PublishOutcome replay(List<PendingEvent> batch, String queue) {
		return publish(batch, FluxTopology.REPLAY_EXCHANGE, (event) -> queue);
	}

	private synchronized PublishOutcome publish(List<PendingEvent> batch, String exchange,
			Function<PendingEvent, String> routingKey) {
		List<Long> ids = batch.stream().map(PendingEvent::id).toList();
		try {
			Channel current = channel();
			this.returned.clear();
			for (PendingEvent event : batch) {
				current.basicPublish(exchange, routingKey.apply(event), true, properties(event),
						event.envelope().getBytes(StandardCharsets.UTF_8));
			}
			boolean allAcked = current.waitForConfirms(this.confirmTimeout.toMillis());
			if (!allAcked) {
				return new PublishOutcome(List.of(), List.of(), ids, "nacked by the broker");
			}
			return sorted(batch, exchange);
		}
		catch (TimeoutException ex) {
			close();
			return new PublishOutcome(List.of(), List.of(), ids, "no publisher confirm within " + this.confirmTimeout);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw new IllegalStateException("Publishing to the broker failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new PublishOutcome(List.of(), List.of(), ids, "interrupted while waiting for confirms");
		}
	}

	/**
	 * After all acks: the returns of this batch have arrived (a return precedes its ack).
	 */
	private PublishOutcome sorted(List<PendingEvent> batch, String exchange) {
		List<Long> confirmed = new ArrayList<>(batch.size());
		List<PublishOutcome.Returned> returnedEvents = new ArrayList<>();
		for (PendingEvent event : batch) {
			String reason = this.returned.get(event.eventId().toString());
			if (reason != null) {
				returnedEvents.add(new PublishOutcome.Returned(event.id(),
						"unroutable: " + reason + " (no queue bound for " + event.type() + " via " + exchange + ")"));
			}
			else {
				confirmed.add(event.id());
			}
		}
		return new PublishOutcome(confirmed, returnedEvents, List.of(), null);
	}

	private Channel channel() throws IOException, TimeoutException {
		Channel current = this.channel;
		if (current != null && current.isOpen()) {
			return current;
		}
		close();
		Connection created = this.connectionFactory.newConnection("flux-outbox-relay");
		this.connection = created;
		Channel opened = created.createChannel();
		opened.confirmSelect();
		opened.addReturnListener((replyCode, replyText, exchange, routingKey, properties, body) -> this.returned
			.put(String.valueOf(properties.getMessageId()), replyCode + " " + replyText));
		this.channel = opened;
		return opened;
	}

	private static AMQP.BasicProperties properties(PendingEvent event) {
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
			.messageId(event.eventId().toString())
			.type(event.type())
			.correlationId(event.correlationId().toString())
			.contentType("application/json")
			.contentEncoding(StandardCharsets.UTF_8.name())
			.deliveryMode(2)
			.timestamp(Date.from(event.createdAt()))
			.appId(event.producer());
		if (event.traceparent() != null) {
			properties.headers(Map.of(TRACEPARENT_HEADER, event.traceparent()));
		}
		return properties.build();
	}

	@Override
	public synchronized void close() {
		Connection current = this.connection;
		this.connection = null;
		this.channel = null;
		if (current != null) {
			try {
				current.abort(2000);
			}
			catch (RuntimeException ex) {
				// Already gone.
			}
		}
	}

}
