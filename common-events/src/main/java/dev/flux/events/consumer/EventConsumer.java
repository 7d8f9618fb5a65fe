package dev.flux.events.consumer;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.NonRetryableEventException;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.tracing.EventContext;
import dev.flux.events.tracing.EventTraces;

/**
 * Consumes a service's queue: decodes and validates each event, runs its handler and
 * records the event in the inbox in one transaction, and acknowledges only after that
 * commits. A duplicate is acknowledged without running the handler again; a failure is
 * handed to the {@link FailureRouter} (retry tier or dead letter) before the message is
 * acknowledged.
 */
final class EventConsumer implements ChannelAwareMessageListener {

	private static final Logger logger = LoggerFactory.getLogger(EventConsumer.class);

	private final String consumer;

	private final EventCodec codec;

	private final Map<String, EventHandler<?>> handlers;

	private final Set<String> handledTypes;

	private final InboxStore inbox;

	private final TransactionTemplate transactions;

	private final FailureRouter failures;

	private final ConsumerMetrics metrics;

	private EventTraces traces = EventTraces.NONE;

	EventConsumer(String consumer, EventCodec codec, Map<String, EventHandler<?>> handlers, InboxStore inbox,
			TransactionTemplate transactions, FailureRouter failures, ConsumerMetrics metrics) {
		this.consumer = consumer;
		this.codec = codec;
		this.handlers = Map.copyOf(handlers);
		this.handledTypes = handlers.keySet()
			.stream()
			.map((key) -> key.substring(0, key.lastIndexOf("/v")))
			.collect(Collectors.toUnmodifiableSet());
		this.inbox = inbox;
		this.transactions = transactions;
		this.failures = failures;
		this.metrics = metrics;
	}

	/** The spans of handling; none until the configuration sets a tracer's. */
	void traces(EventTraces traces) {
		this.traces = traces;
	}

	/** The handlers' key: an event type at one version. */
	static String key(String type, int version) {
		return type + "/v" + version;
	}

	@Override
	public void onMessage(Message message, Channel channel) throws Exception {
		long deliveryTag = message.getMessageProperties().getDeliveryTag();
		try {
			try {
				consume(message);
			}
			catch (NonRetryableEventException ex) {
				logger.warn("Event {} cannot be handled and goes to the dead-letter queue: {}",
						message.getMessageProperties().getMessageId(), ex.getMessage());
				this.failures.deadLetter(message, ex);
			}
			catch (Exception ex) {
				logger.warn("Handling event {} failed: {}", message.getMessageProperties().getMessageId(),
						ex.toString());
				this.failures.retryOrDeadLetter(message, ex);
			}
		}
		catch (Exception routingFailed) {
			// The broker did not take the retry or dead letter: keep the message where it
			// is.
			logger.warn("Could not route failed event {}, it will be delivered again: {}",
					message.getMessageProperties().getMessageId(), routingFailed.toString());
			channel.basicNack(deliveryTag, false, true);
			return;
		}
		channel.basicAck(deliveryTag, false);
	}

	private void consume(Message message) {
		EventEnvelope envelope = this.codec.fromJson(message.getBody());
		this.codec.validate(envelope);
		EventHandler<?> handler = this.handlers.get(key(envelope.type(), envelope.version()));
		if (handler == null) {
			if (this.handledTypes.contains(envelope.type())) {
				throw new NonRetryableEventException("No handler for " + envelope.type() + " version "
						+ envelope.version() + " in " + this.consumer);
			}
			this.metrics.ignored(envelope.type());
			return;
		}
		String traceparent = message.getMessageProperties().getHeader("traceparent");
		try (EventTraces.Handling span = this.traces.handling(envelope.type(), traceparent);
				EventContext.Scope scope = new EventContext(envelope.correlationId(), envelope.eventId(),
						span.traceparent())
					.open()) {
			handle(handler, envelope);
		}
	}

	private <P> void handle(EventHandler<P> handler, EventEnvelope envelope) {
		P payload = this.codec.payload(envelope, handler.payloadType());
		UUID eventId = envelope.eventId();
		boolean handled = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.inbox.firstDelivery(this.consumer, eventId, envelope.type())) {
				return false;
			}
			handler.handle(payload, envelope);
			return true;
		}));
		if (handled) {
			this.metrics.handled(envelope.type(), envelope.occurredAt());
			logger.debug("Handled {} {}", envelope.type(), eventId);
		}
		else {
			this.metrics.duplicate(envelope.type());
			logger.debug("Skipped duplicate {} {}", envelope.type(), eventId);
		}
	}

}
