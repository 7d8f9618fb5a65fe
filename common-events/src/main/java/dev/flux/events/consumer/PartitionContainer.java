package dev.flux.events.consumer;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The listener container of one partition, which can hand the partition over without
 * stopping: it knows the channel of each of its subscriptions (from the broker's
 * consume-ok), so it can close them all between two batches. The quorum queue then
 * returns every unacknowledged delivery to the partition's head, in order, and activates
 * the next consumer in line; the container subscribes again at once, behind the others
 * (see {@link EventConsumer#handOver()} for why closing, not cancelling).
 */
final class PartitionContainer extends SimpleMessageListenerContainer {

	private static final Logger logger = LoggerFactory.getLogger(PartitionContainer.class);

	private final String partition;

	/** Channels the broker confirmed a subscription on. */
	private final Set<Channel> subscriptions = ConcurrentHashMap.newKeySet();

	/**
	 * Channels handed over: deliveries already fetched on them are not applied. Weak: the
	 * entry goes with the old consumer.
	 */
	private final Set<Channel> released = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	/** Whether a subscription closed other than by a hand-over since last asked. */
	private final AtomicBoolean lost = new AtomicBoolean();

	/** Held while a batch is applied, so that a hand-over falls between two batches. */
	private final ReentrantLock applying = new ReentrantLock();

	PartitionContainer(ConnectionFactory connectionFactory, String partition) {
		super(connectionFactory);
		this.partition = partition;
	}

	String partition() {
		return this.partition;
	}

	/** How many subscriptions of this container the broker has confirmed and are open. */
	int subscriptions() {
		// Handed-over channels have left the set already: any closed one here was lost.
		if (this.subscriptions.removeIf((channel) -> !channel.isOpen())) {
			this.lost.set(true);
		}
		return this.subscriptions.size();
	}

	/**
	 * Whether a subscription was lost (its channel or connection closed, not by a
	 * hand-over) since the last call: the container subscribed again, behind the
	 * partition's other consumers.
	 */
	boolean lostSubscription() {
		subscriptions();
		return this.lost.getAndSet(false);
	}

	/**
	 * Closes the channel of every subscription once the batch being applied (if any) is
	 * committed and acknowledged, waiting at most {@code wait} for it; past that the
	 * channels close anyway and the inbox turns the batch's redelivery into duplicates.
	 * The container subscribes again by itself.
	 * @return how many subscriptions were closed
	 */
	int handOver(Duration wait) {
		boolean locked = false;
		try {
			locked = this.applying.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			List<Channel> closing = List.copyOf(this.subscriptions);
			this.subscriptions.clear();
			closing.forEach((channel) -> {
				this.released.add(channel);
				abort(channel);
			});
			return closing.size();
		}
		finally {
			if (locked) {
				this.applying.unlock();
			}
		}
	}

	@Override
	protected void invokeListener(Channel channel, Object data) {
		this.applying.lock();
		try {
			if (this.released.contains(channel)) {
				// Fetched before the channel closed: the broker has put them back.
				abort(channel);
				return;
			}
			super.invokeListener(channel, data);
		}
		finally {
			this.applying.unlock();
		}
	}

	/** Records each subscription the broker confirms, then passes every event on. */
	@Override
	protected ApplicationEventPublisher getApplicationEventPublisher() {
		ApplicationEventPublisher next = super.getApplicationEventPublisher();
		return (event) -> {
			if (event instanceof ConsumeOkEvent ok && ok.getSource() instanceof DefaultConsumer consumer) {
				this.subscriptions.add(consumer.getChannel());
			}
			if (next != null) {
				next.publishEvent(event);
			}
		};
	}

	private static void abort(Channel channel) {
		Channel target = (channel instanceof ChannelProxy proxy) ? proxy.getTargetChannel() : channel;
		try {
			target.abort();
		}
		catch (Exception ex) {
			logger.debug("Closing a channel on hand-over failed: {}", ex.toString());
		}
	}

}
