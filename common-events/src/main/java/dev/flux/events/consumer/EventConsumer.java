package dev.flux.events.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.rabbitmq.client.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.support.RabbitExceptionTranslator;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.NonRetryableEventException;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.tracing.EventContext;
import dev.flux.events.tracing.EventTraces;

/**
 * Consumes a service's queue: decodes and validates each event, runs its handler and
 * records the event in the inbox in one transaction, and acknowledges only after that
 * commits. Deliveries come in batches: the handlers of a whole batch and one multi-row
 * inbox insert commit in one transaction, followed by one multiple acknowledgement. When
 * a handler of the batch fails, the batch rolls back; that event takes the failure path
 * and the others are handled again one by one, each in its own transaction. Writes the
 * handlers of a batch defer ({@link DeferredWrites}) are sent just before it commits;
 * when one fails, the whole batch is handled again one by one, where they run at once. A
 * duplicate is acknowledged without running the handler again; a failure is handed to the
 * {@link FailureRouter} (retry tier or dead letter) before the message is acknowledged.
 */
final class EventConsumer implements ChannelAwareBatchMessageListener {

	private static final Logger logger = LoggerFactory.getLogger(EventConsumer.class);

	private final String consumer;

	private final EventCodec codec;

	private final Map<String, EventHandler<?>> handlers;

	private final Set<String> handledTypes;

	private final InboxStore inbox;

	private final TransactionTemplate transactions;

	private final FailureRouter failures;

	private final ConsumerMetrics metrics;

	private final JdbcDeferredWrites writes;

	private EventTraces traces = EventTraces.NONE;

	/** The channel each queue's deliveries last came on, to close on a hand-over. */
	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private volatile boolean handingOver;

	EventConsumer(String consumer, EventCodec codec, Map<String, EventHandler<?>> handlers, InboxStore inbox,
			TransactionTemplate transactions, FailureRouter failures, ConsumerMetrics metrics,
			JdbcDeferredWrites writes) {
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
		this.writes = writes;
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
		Exception failure = null;
		try {
			consume(message);
		}
		catch (Exception ex) {
			failure = ex;
		}
		settle(message, channel, failure);
	}

	/**
	 * Hands this instance's partitions over: every channel is closed without cancelling
	 * its consumer, and no later delivery is applied. A quorum queue then returns all the
	 * unacknowledged deliveries (in-flight batch and prefetched ones) to the head of the
	 * partition, in order, before it activates the next consumer, so the next instance
	 * gets them before any later event. Cancelling instead (what a stopping container
	 * does) activates the next consumer at once while this one still works off its
	 * prefetched deliveries: two active consumers, one aggregate's events out of order. A
	 * batch still committing when its channel closes is safe: the next consumer's inbox
	 * insert of the same events waits for that commit and skips them.
	 */
	void handOver() {
		this.handingOver = true;
		this.channels.values().forEach(PartitionConsumers::abort);
	}

	/** Applies deliveries again, after a {@link #handOver()}: the instance restarts. */
	void resume() {
		this.channels.clear();
		this.handingOver = false;
	}

	@Override
	public void onMessageBatch(List<Message> messages, Channel channel) {
		if (this.handingOver) {
			PartitionConsumers.abort(channel);
			return;
		}
		String queue = messages.getFirst().getMessageProperties().getConsumerQueue();
		if (queue != null) {
			this.channels.put(queue, channel);
		}
		try {
			if (messages.size() == 1) {
				onMessage(messages.getFirst(), channel);
			}
			else {
				consumeBatch(messages, channel);
			}
		}
		catch (Exception ex) {
			// Acknowledging failed: the channel is gone and the broker delivers the
			// batch again, which the inbox turns into duplicates.
			throw RabbitExceptionTranslator.convertRabbitAccessException(ex);
		}
	}

	private void consumeBatch(List<Message> messages, Channel channel) throws Exception {
		List<Delivery> deliveries = new ArrayList<>(messages.size());
		for (Message message : messages) {
			try {
				deliveries.add(decode(message));
			}
			catch (Exception ex) {
				settle(message, channel, ex);
			}
		}
		if (deliveries.isEmpty()) {
			return;
		}
		BatchOutcome outcome;
		try {
			outcome = this.transactions.execute((status) -> applyAll(deliveries, status));
		}
		catch (RuntimeException ex) {
			logger.warn("A batch of {} events did not commit, handling them one by one: {}", deliveries.size(),
					ex.toString());
			for (Delivery delivery : deliveries) {
				onMessage(delivery.message(), channel);
			}
			return;
		}
		if (outcome == null) {
			throw new IllegalStateException("The batch transaction returned no outcome");
		}
		if (outcome.failure() != null && outcome.failedIndex() < 0) {
			// A deferred write failed: which event queued it is unknown, so every event
			// goes again on its own, where its writes run at once and a failure is its
			// own.
			logger.warn("A deferred write of a batch of {} events failed, handling them one by one: {}",
					deliveries.size(), outcome.failure().toString());
			for (Delivery delivery : deliveries) {
				onMessage(delivery.message(), channel);
			}
			return;
		}
		if (outcome.failure() != null) {
			Delivery failed = deliveries.get(outcome.failedIndex());
			settle(failed.message(), channel, outcome.failure());
			for (Delivery delivery : deliveries) {
				if (delivery != failed) {
					onMessage(delivery.message(), channel);
				}
			}
			return;
		}
		this.metrics.batch(deliveries.size());
		for (Delivery delivery : deliveries) {
			outcome.record(delivery, this.metrics);
		}
		channel.basicAck(deliveries.getLast().message().getMessageProperties().getDeliveryTag(), true);
	}

	/**
	 * Records the batch in the inbox and runs the handler of each event recorded for the
	 * first time, in delivery order, then sends the writes the handlers deferred; the
	 * first handler or deferred write to fail rolls it all back.
	 */
	private BatchOutcome applyAll(List<Delivery> deliveries, TransactionStatus status) {
		try (JdbcDeferredWrites.Batch batch = this.writes.open()) {
			BatchOutcome outcome = applyAll(deliveries, batch);
			if (outcome.failure() != null) {
				status.setRollbackOnly();
				return outcome;
			}
			try {
				batch.flush();
			}
			catch (RuntimeException ex) {
				status.setRollbackOnly();
				return BatchOutcome.unattributed(ex);
			}
			return outcome;
		}
	}

	private BatchOutcome applyAll(List<Delivery> deliveries, JdbcDeferredWrites.Batch batch) {
		List<Delivery> handled = deliveries.stream().filter((delivery) -> delivery.handler() != null).toList();
		Set<UUID> fresh = handled.isEmpty() ? Set.of()
				: this.inbox.firstDeliveries(this.consumer,
						handled.stream().map((delivery) -> delivery.envelope().eventId()).toList(),
						handled.stream().map((delivery) -> delivery.envelope().type()).toList());
		Set<UUID> duplicates = new HashSet<>();
		Set<UUID> applied = new HashSet<>();
		for (int i = 0; i < deliveries.size(); i++) {
			Delivery delivery = deliveries.get(i);
			if (delivery.handler() == null) {
				continue;
			}
			UUID eventId = delivery.envelope().eventId();
			// The same event twice in one batch: the second is a duplicate.
			if (!fresh.contains(eventId) || !applied.add(eventId)) {
				duplicates.add(eventId);
				continue;
			}
			try {
				batch.handling(delivery.envelope().aggregateId());
				run(delivery);
			}
			catch (RuntimeException ex) {
				// A deferred write that failed while sent (before this handler, or by
				// its own flush()) may be another event's.
				return batch.failed() ? BatchOutcome.unattributed(ex) : BatchOutcome.failedAt(i, ex);
			}
		}
		return new BatchOutcome(applied, -1, null);
	}

	private void consume(Message message) {
		Delivery delivery = decode(message);
		if (delivery.handler() == null) {
			this.metrics.ignored(delivery.envelope().type());
			return;
		}
		// The whole handling, commit and log line included, runs in the event's span.
		scoped(delivery, () -> {
			UUID eventId = delivery.envelope().eventId();
			boolean handled = Boolean.TRUE.equals(this.transactions.execute((status) -> {
				if (!this.inbox.firstDelivery(this.consumer, eventId, delivery.envelope().type())) {
					return false;
				}
				handle(delivery.handler(), delivery.envelope());
				return true;
			}));
			if (handled) {
				this.metrics.handled(delivery.envelope().type(), delivery.envelope().occurredAt());
				logger.debug("Handled {} {}", delivery.envelope().type(), eventId);
			}
			else {
				this.metrics.duplicate(delivery.envelope().type());
				logger.debug("Skipped duplicate {} {}", delivery.envelope().type(), eventId);
			}
		});
	}

	/**
	 * Decodes and validates a delivery and finds its handler (none: a type this service
	 * ignores).
	 * @throws NonRetryableEventException when it can never be handled
	 */
	private Delivery decode(Message message) {
		EventEnvelope envelope = this.codec.fromJson(message.getBody());
		this.codec.validate(envelope);
		EventHandler<?> handler = this.handlers.get(key(envelope.type(), envelope.version()));
		if (handler == null && this.handledTypes.contains(envelope.type())) {
			throw new NonRetryableEventException(
					"No handler for " + envelope.type() + " version " + envelope.version() + " in " + this.consumer);
		}
		return new Delivery(message, envelope, handler);
	}

	private void run(Delivery delivery) {
		scoped(delivery, () -> handle(delivery.handler(), delivery.envelope()));
	}

	/** Runs a step of an event's handling in its span and its event context. */
	private void scoped(Delivery delivery, Runnable step) {
		String traceparent = delivery.message().getMessageProperties().getHeader("traceparent");
		EventEnvelope envelope = delivery.envelope();
		try (EventTraces.Handling span = this.traces.handling(envelope.type(), traceparent);
				EventContext.Scope scope = new EventContext(envelope.correlationId(), envelope.eventId(),
						span.traceparent())
					.open()) {
			step.run();
		}
	}

	private <P> void handle(@Nullable EventHandler<P> handler, EventEnvelope envelope) {
		if (handler == null) {
			return;
		}
		handler.handle(this.codec.payload(envelope, handler.payloadType()), envelope);
	}

	/**
	 * Acknowledges a message handled on its own, after sending it to a retry tier or the
	 * dead letters if it failed; when the broker does not take it there, the message is
	 * put back instead.
	 */
	private void settle(Message message, Channel channel, @Nullable Exception failure) throws Exception {
		long deliveryTag = message.getMessageProperties().getDeliveryTag();
		if (failure != null) {
			String messageId = message.getMessageProperties().getMessageId();
			try {
				if (failure instanceof NonRetryableEventException) {
					logger.warn("Event {} cannot be handled and goes to the dead-letter queue: {}", messageId,
							failure.getMessage());
					this.failures.deadLetter(message, failure);
				}
				else {
					logger.warn("Handling event {} failed: {}", messageId, failure.toString());
					this.failures.retryOrDeadLetter(message, failure);
				}
			}
			catch (Exception routingFailed) {
				logger.warn("Could not route failed event {}, it will be delivered again: {}", messageId,
						routingFailed.toString());
				channel.basicNack(deliveryTag, false, true);
				return;
			}
		}
		channel.basicAck(deliveryTag, false);
	}

	/** A decoded delivery and its handler, if this service handles its type. */
	private record Delivery(Message message, EventEnvelope envelope, @Nullable EventHandler<?> handler) {

	}

	/**
	 * What a batch's transaction did: the events applied, the first handler that failed,
	 * or a failed deferred write (index -1).
	 */
	private record BatchOutcome(Set<UUID> applied, int failedIndex, @Nullable RuntimeException failure) {

		static BatchOutcome failedAt(int index, RuntimeException failure) {
			return new BatchOutcome(Set.of(), index, failure);
		}

		/** A deferred write failed, which may be any event's. */
		static BatchOutcome unattributed(RuntimeException failure) {
			return new BatchOutcome(Set.of(), -1, failure);
		}

		void record(Delivery delivery, ConsumerMetrics metrics) {
			String type = delivery.envelope().type();
			if (delivery.handler() == null) {
				metrics.ignored(type);
			}
			else if (this.applied.remove(delivery.envelope().eventId())) {
				metrics.handled(type, delivery.envelope().occurredAt());
				logger.debug("Handled {} {} in a batch", type, delivery.envelope().eventId());
			}
			else {
				metrics.duplicate(type);
			}
		}

	}

}
