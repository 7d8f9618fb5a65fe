package dev.flux.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.flux.events.topology.FluxTopology;

/**
 * Publishes a batch of outbox rows on one channel, so they leave in order, with mandatory
 * routing, and sorts them by what the broker said: confirmed, returned (no queue is bound
 * for the type) or unconfirmed (nacked or no answer in time).
 */
final class OutboxPublisher {

	/** The AMQP header carrying the W3C trace context. */
	static final String TRACEPARENT_HEADER = "traceparent";

	private final RabbitTemplate rabbit;

	private final Duration confirmTimeout;

	OutboxPublisher(RabbitTemplate rabbit, Duration confirmTimeout) {
		this.rabbit = rabbit;
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

	private PublishOutcome publish(List<PendingEvent> batch, String exchange,
			Function<PendingEvent, String> routingKey) {
		List<CorrelationData> confirmations = new ArrayList<>(batch.size());
		this.rabbit.invoke((operations) -> {
			for (PendingEvent event : batch) {
				CorrelationData correlation = new CorrelationData(event.eventId().toString());
				operations.send(exchange, routingKey.apply(event), message(event), correlation);
				confirmations.add(correlation);
			}
			return null;
		});
		return await(batch, confirmations);
	}

	private PublishOutcome await(List<PendingEvent> batch, List<CorrelationData> confirmations) {
		long deadline = System.nanoTime() + this.confirmTimeout.toNanos();
		List<Long> confirmed = new ArrayList<>();
		List<PublishOutcome.Returned> returned = new ArrayList<>();
		List<Long> unconfirmed = new ArrayList<>();
		String lastProblem = null;
		for (int i = 0; i < batch.size(); i++) {
			long id = batch.get(i).id();
			CorrelationData correlation = confirmations.get(i);
			try {
				CorrelationData.Confirm confirm = correlation.getFuture()
					.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				ReturnedMessage returnedMessage = correlation.getReturned();
				if (returnedMessage != null) {
					returned.add(new PublishOutcome.Returned(id, "unroutable: " + returnedMessage.getReplyCode() + " "
							+ returnedMessage.getReplyText() + " (no queue bound for " + batch.get(i).type() + ")"));
				}
				else if (confirm.ack()) {
					confirmed.add(id);
				}
				else {
					unconfirmed.add(id);
					lastProblem = "nacked by the broker: " + confirm.reason();
				}
			}
			catch (TimeoutException ex) {
				unconfirmed.add(id);
				lastProblem = "no publisher confirm within " + this.confirmTimeout;
			}
			catch (ExecutionException ex) {
				unconfirmed.add(id);
				lastProblem = "publish failed: " + ex.getCause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				unconfirmed.add(id);
				lastProblem = "interrupted while waiting for confirms";
			}
		}
		return new PublishOutcome(confirmed, returned, unconfirmed, lastProblem);
	}

	private static Message message(PendingEvent event) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(event.eventId().toString());
		properties.setType(event.type());
		properties.setCorrelationId(event.correlationId().toString());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setTimestamp(Date.from(event.createdAt()));
		properties.setAppId(event.producer());
		if (event.traceparent() != null) {
			properties.setHeader(TRACEPARENT_HEADER, event.traceparent());
		}
		return new Message(event.envelope().getBytes(StandardCharsets.UTF_8), properties);
	}

}
