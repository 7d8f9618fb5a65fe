package dev.flux.events.consumer;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.rabbitmq.client.Channel;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.listener.ListenerContainerIdleEvent;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Decides how long a batching container waits for its next delivery. Batching is
 * opportunistic: after the first delivery a batch takes the deliveries already
 * prefetched, up to the batch size, and is handled at once. Under load deliveries pile up
 * in the prefetch while the previous batch commits, so batches grow with the load without
 * any wait; a lone event costs no wait either. A positive linger makes a filling batch
 * (one that found a second delivery already there) wait up to that long, counted from its
 * first delivery, for more. Between batches the container waits long for a first
 * delivery: the wait ends the moment one comes.
 */
final class BatchLinger implements MessagePostProcessor, ApplicationEventPublisher, ChannelAwareBatchMessageListener {

	/** The wait for a first delivery; it ends as soon as one comes. */
	static final Duration IDLE_WAIT = Duration.ofSeconds(1);

	/**
	 * Quiet time after which the container waits long again, should a batch have been
	 * gathered without reaching the listener (its consumer shut down meanwhile).
	 */
	static final Duration QUIET_AFTER = Duration.ofMillis(100);

	private final SimpleMessageListenerContainer container;

	private final ChannelAwareBatchMessageListener listener;

	private final long lingerNanos;

	private final Consumer<Object> events;

	/** Deliveries received for the batch being gathered, on the container's thread. */
	private int gathered;

	/** When the batch being gathered got its first delivery. */
	private long firstAt;

	private BatchLinger(SimpleMessageListenerContainer container, ChannelAwareBatchMessageListener listener,
			Duration linger, Consumer<Object> events) {
		this.container = container;
		this.listener = listener;
		this.lingerNanos = Math.max(0, linger.toNanos());
		this.events = events;
	}

	/**
	 * Makes the container hand {@code listener} batches of what is already delivered (or
	 * lingering up to {@code linger} while filling, if positive) and wait long for a
	 * first delivery; the container's other events (its consumers starting and stopping)
	 * go to {@code events}.
	 */
	static void apply(SimpleMessageListenerContainer container, ChannelAwareBatchMessageListener listener,
			Duration linger, Consumer<Object> events) {
		BatchLinger switcher = new BatchLinger(container, listener, linger, events);
		container.setReceiveTimeout(IDLE_WAIT.toMillis());
		// The container's own batch timeout counts from before the first delivery's wait;
		// this class bounds the linger from the first delivery instead.
		container.setBatchReceiveTimeout(0);
		container.setIdleEventInterval(QUIET_AFTER.toMillis());
		container.setAfterReceivePostProcessors(switcher);
		container.setApplicationEventPublisher(switcher);
		container.setMessageListener(switcher);
	}

	/**
	 * A delivery came: take only what is already there, unless a positive linger lets a
	 * filling batch wait for more.
	 */
	@Override
	public Message postProcessMessage(Message message) {
		this.gathered++;
		long wait = 0;
		if (this.gathered == 1) {
			this.firstAt = System.nanoTime();
		}
		else if (this.lingerNanos > 0) {
			wait = Duration.ofNanos(this.lingerNanos - (System.nanoTime() - this.firstAt)).toMillis();
		}
		this.container.setReceiveTimeout(Math.max(0, wait));
		return message;
	}

	/**
	 * The batch is gathered: hand it over, and wait long for the next one's first
	 * delivery.
	 */
	@Override
	public void onMessageBatch(List<Message> messages, Channel channel) {
		this.gathered = 0;
		this.container.setReceiveTimeout(IDLE_WAIT.toMillis());
		this.listener.onMessageBatch(messages, channel);
	}

	@Override
	public void onMessage(Message message, Channel channel) throws Exception {
		this.listener.onMessage(message, channel);
	}

	/**
	 * The container found the queue quiet: wait long for the next delivery. Other events
	 * are passed on.
	 */
	@Override
	public void publishEvent(Object event) {
		if (event instanceof ListenerContainerIdleEvent) {
			this.gathered = 0;
			this.container.setReceiveTimeout(IDLE_WAIT.toMillis());
		}
		else {
			this.events.accept(event);
		}
	}

}
