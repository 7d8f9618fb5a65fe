package dev.flux.events.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.jspecify.annotations.Nullable;

import dev.flux.events.topology.FluxTopology;
import dev.flux.events.tracing.EventTraces;

/**
 * Publishes batches of outbox rows on one dedicated channel in confirm mode, so they
 * leave in order, with mandatory routing, and sorts them by what the broker said:
 * confirmed, returned (no queue is bound for them) or unconfirmed (nacked, no answer in
 * time). Sending a batch and awaiting its confirms are separate steps, so the relay can
 * send the next batch while the broker is still confirming the previous one. The RabbitMQ
 * client is used directly: this is the relay's hot path.
 */
final class OutboxPublisher implements AutoCloseable {

	/** The AMQP header carrying the W3C trace context. */
	static final String TRACEPARENT_HEADER = "traceparent";

	private final ConnectionFactory connectionFactory;

	private final Duration confirmTimeout;

	private final ConcurrentSkipListSet<Long> outstanding = new ConcurrentSkipListSet<>();

	private final Set<Long> nacked = ConcurrentHashMap.newKeySet();

	private final Map<String, String> returned = new ConcurrentHashMap<>();

	private final Object confirms = new Object();

	private @Nullable Connection connection;

	private @Nullable Channel channel;

	private final String producer;

	private final List<Address> addresses;

	private EventTraces traces = EventTraces.NONE;

	private volatile Runnable onAnswer = () -> {
	};

	OutboxPublisher(ConnectionFactory connectionFactory, String producer, Duration confirmTimeout) {
		this(connectionFactory, List.of(), producer, confirmTimeout);
	}

	/**
	 * @param addresses every broker node to try, in a random order per connection; empty:
	 * the connection factory's own host and port
	 */
	OutboxPublisher(ConnectionFactory connectionFactory, List<Address> addresses, String producer,
			Duration confirmTimeout) {
		this.connectionFactory = connectionFactory;
		this.addresses = List.copyOf(addresses);
		this.producer = producer;
		this.confirmTimeout = confirmTimeout;
	}

	/**
	 * Publishes to one consumer queue through {@code app.events.replay}, and waits for
	 * the confirms.
	 */
	PublishOutcome replay(List<PendingEvent> batch, String queue) {
		return await(send(batch, FluxTopology.REPLAY_EXCHANGE, (event) -> queue));
	}

	/**
	 * Sends a batch to {@code app.events} without waiting; {@link #await} says how it
	 * went.
	 */
	InFlight send(List<PendingEvent> batch) {
		return send(batch, FluxTopology.EVENTS_EXCHANGE, PendingEvent::type);
	}

	private synchronized InFlight send(List<PendingEvent> batch, String exchange,
			Function<PendingEvent, String> routingKey) {
		try {
			Channel current = channel();
			long first = current.getNextPublishSeqNo();
			for (PendingEvent event : batch) {
				this.outstanding.add(current.getNextPublishSeqNo());
				current.basicPublish(exchange, routingKey.apply(event), true, properties(event),
						event.envelope().getBytes(StandardCharsets.UTF_8));
			}
			return new InFlight(batch, exchange, current, first, System.nanoTime());
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			close();
			throw new IllegalStateException("Publishing to the broker failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What to run when the broker answers for sent events or their channel closes: the
	 * relay's nudge, so that it takes confirms when they come rather than by polling.
	 */
	void onAnswer(Runnable action) {
		this.onAnswer = action;
	}

	/** The spans of publishes; none until the configuration sets a tracer's. */
	void traces(EventTraces traces) {
		this.traces = traces;
	}

	/** Waits for the broker's confirms of a sent batch. */
	PublishOutcome await(InFlight batch) {
		List<Long> ids = batch.events().stream().map(PendingEvent::id).toList();
		long last = batch.firstSequence() + batch.events().size() - 1;
		long deadline = System.nanoTime() + this.confirmTimeout.toNanos();
		synchronized (this.confirms) {
			while (batch.channel() == this.channel && hasOutstandingUpTo(last)) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					close();
					return new PublishOutcome(List.of(), List.of(), ids,
							"no publisher confirm within " + this.confirmTimeout);
				}
				try {
					this.confirms.wait(Math.max(1, remaining / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return new PublishOutcome(List.of(), List.of(), ids, "interrupted while waiting for confirms");
				}
			}
		}
		if (batch.channel() != this.channel) {
			return new PublishOutcome(List.of(), List.of(), ids, "the broker connection was lost before confirming");
		}
		return sorted(batch);
	}

	/**
	 * Whether {@link #await} would return at once: the broker has answered for every
	 * event of the batch, its channel is gone, or it is overdue.
	 */
	boolean answered(InFlight batch) {
		if (System.nanoTime() - batch.sentAt() > this.confirmTimeout.toNanos()) {
			return true;
		}
		synchronized (this.confirms) {
			return batch.channel() != this.channel
					|| !hasOutstandingUpTo(batch.firstSequence() + batch.events().size() - 1);
		}
	}

	private boolean hasOutstandingUpTo(long sequence) {
		return !this.outstanding.headSet(sequence, true).isEmpty();
	}

	/**
	 * After all confirms: the returns of this batch have arrived (a return precedes its
	 * ack).
	 */
	private PublishOutcome sorted(InFlight batch) {
		List<Long> confirmed = new ArrayList<>(batch.events().size());
		List<PublishOutcome.Returned> returnedEvents = new ArrayList<>();
		List<Long> unconfirmed = new ArrayList<>();
		long sequence = batch.firstSequence();
		for (PendingEvent event : batch.events()) {
			String reason = this.returned.remove(event.eventId().toString());
			if (this.nacked.remove(sequence++)) {
				unconfirmed.add(event.id());
			}
			else if (reason != null) {
				returnedEvents.add(new PublishOutcome.Returned(event.id(), "unroutable: " + reason
						+ " (no queue bound for " + event.type() + " via " + batch.exchange() + ")"));
			}
			else {
				confirmed.add(event.id());
			}
		}
		return new PublishOutcome(confirmed, returnedEvents, unconfirmed,
				unconfirmed.isEmpty() ? null : "nacked by the broker");
	}

	private static List<Address> shuffled(List<Address> addresses) {
		List<Address> order = new ArrayList<>(addresses);
		Collections.shuffle(order);
		return order;
	}

	private Channel channel() throws IOException, TimeoutException {
		Channel current = this.channel;
		if (current != null && current.isOpen()) {
			return current;
		}
		close();
		Connection created = this.addresses.isEmpty() ? this.connectionFactory.newConnection("flux-outbox-relay")
				: this.connectionFactory.newConnection(shuffled(this.addresses), "flux-outbox-relay");
		this.connection = created;
		Channel opened = created.createChannel();
		opened.confirmSelect();
		opened.addConfirmListener(new ConfirmListener() {

			@Override
			public void handleAck(long deliveryTag, boolean multiple) {
				confirmed(deliveryTag, multiple, false);
			}

			@Override
			public void handleNack(long deliveryTag, boolean multiple) {
				confirmed(deliveryTag, multiple, true);
			}

		});
		opened.addReturnListener((replyCode, replyText, exchange, routingKey, properties, body) -> this.returned
			.put(String.valueOf(properties.getMessageId()), replyCode + " " + replyText));
		opened.addShutdownListener((cause) -> {
			synchronized (this.confirms) {
				this.confirms.notifyAll();
			}
			this.onAnswer.run();
		});
		this.channel = opened;
		return opened;
	}

	private void confirmed(long deliveryTag, boolean multiple, boolean nack) {
		synchronized (this.confirms) {
			var settled = multiple ? this.outstanding.headSet(deliveryTag, true) : Set.of(deliveryTag);
			if (nack) {
				this.nacked.addAll(settled);
			}
			if (multiple) {
				settled.clear();
			}
			else {
				this.outstanding.remove(deliveryTag);
			}
			this.confirms.notifyAll();
		}
		this.onAnswer.run();
	}

	private AMQP.BasicProperties properties(PendingEvent event) {
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
			.messageId(event.eventId().toString())
			.type(event.type())
			.correlationId(event.correlationId().toString())
			.contentType("application/json")
			.contentEncoding(StandardCharsets.UTF_8.name())
			.deliveryMode(2)
			.timestamp(Date.from(event.createdAt()))
			.appId(this.producer);
		String traceparent = this.traces.published(event.type(), event.traceparent());
		if (traceparent != null) {
			properties
				.headers(Map.of(FluxTopology.AGGREGATE_HEADER, event.aggregateId(), TRACEPARENT_HEADER, traceparent));
		}
		else {
			properties.headers(Map.of(FluxTopology.AGGREGATE_HEADER, event.aggregateId()));
		}
		return properties.build();
	}

	@Override
	public synchronized void close() {
		Connection current = this.connection;
		this.connection = null;
		this.channel = null;
		this.outstanding.clear();
		this.nacked.clear();
		this.returned.clear();
		synchronized (this.confirms) {
			this.confirms.notifyAll();
		}
		if (current != null) {
			try {
				current.abort(2000);
			}
			catch (RuntimeException ex) {
				// Already gone.
			}
		}
	}

	/**
	 * A batch sent on a channel, its first message at {@code firstSequence}, at
	 * {@code sentAt} ({@link System#nanoTime()}).
	 */
	record InFlight(List<PendingEvent> events, String exchange, Channel channel, long firstSequence, long sentAt) {

	}

}
