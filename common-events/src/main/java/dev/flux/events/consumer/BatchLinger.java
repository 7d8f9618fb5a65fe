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
 * Decides how long a batching container waits for its next delivery. A batch lingers only
 * while it is filling: after its first delivery it takes the deliveries already
 * prefetched without waiting, and only when one was there does it wait up to the linger
 * for more. A lone event is handled at once (under load, deliveries pile up in the
 * prefetch while a batch commits, so batches grow with the load without a wait). Between
 * batches the container waits the linger for a first delivery while deliveries flow, and
 * long once the queue has been quiet for a moment, so that an idle consumer wakes up
 * about once per {@link #IDLE_WAIT} instead of once per linger.
 */
final class BatchLinger implements MessagePostProcessor, ApplicationEventPublisher, ChannelAwareBatchMessageListener {

	/** The wait for a delivery on a quiet queue. */
	static final Duration IDLE_WAIT = Duration.ofSeconds(1);

	/** Quiet time after which the container waits long. */
	static final Duration QUIET_AFTER = Duration.ofMillis(100);

	private final SimpleMessageListenerContainer container;

	private final ChannelAwareBatchMessageListener listener;

	private final long lingerMillis;

	private final Consumer<Object> events;

	/** Deliveries received for the batch being gathered, on the container's thread. */
	private int gathered;

	private BatchLinger(SimpleMessageListenerContainer container, ChannelAwareBatchMessageListener listener,
			Duration linger, Consumer<Object> events) {
		this.container = container;
		this.listener = listener;
		this.lingerMillis = Math.max(1, linger.toMillis());
		this.events = events;
	}

	/**
	 * Makes the container hand {@code listener} batches that linger up to {@code linger}
	 * while filling, and wait long when idle; the container's other events (its consumers
	 * starting and stopping) go to {@code events}.
	 */
	static void apply(SimpleMessageListenerContainer container, ChannelAwareBatchMessageListener listener,
			Duration linger, Consumer<Object> events) {
		BatchLinger switcher = new BatchLinger(container, listener, linger, events);
		container.setReceiveTimeout(IDLE_WAIT.toMillis());
		container.setBatchReceiveTimeout(switcher.lingerMillis);
		container.setIdleEventInterval(QUIET_AFTER.toMillis());
		container.setAfterReceivePostProcessors(switcher);
		container.setApplicationEventPublisher(switcher);
		container.setMessageListener(switcher);
	}

	/**
	 * A delivery came: after the first of a batch take only what is already there, after
	 * a second wait up to the linger for more.
	 */
	@Override
	public Message postProcessMessage(Message message) {
		this.gathered++;
		this.container.setReceiveTimeout((this.gathered == 1) ? 0 : this.lingerMillis);
		return message;
	}

	/**
	 * The batch is gathered: hand it over, and wait up to the linger for the next one's
	 * first delivery.
	 */
	@Override
	public void onMessageBatch(List<Message> messages, Channel channel) {
		this.gathered = 0;
		this.container.setReceiveTimeout(this.lingerMillis);
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
