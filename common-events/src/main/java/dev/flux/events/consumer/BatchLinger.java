package dev.flux.events.consumer;

import java.time.Duration;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessagePostProcessor;
import org.springframework.amqp.rabbit.listener.ListenerContainerIdleEvent;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Switches a batching container between two waits for the next delivery: the short linger
 * while deliveries flow (a batch waits that long for one more), and a long wait once the
 * queue has been quiet for a moment, so that an idle consumer wakes up about once per
 * {@link #IDLE_WAIT} instead of once per linger. The first delivery after a quiet spell
 * is handled at once: it ends the batch's linger window and switches back to the short
 * wait.
 */
final class BatchLinger implements MessagePostProcessor, ApplicationEventPublisher {

	/** The wait for a delivery on a quiet queue. */
	static final Duration IDLE_WAIT = Duration.ofSeconds(1);

	/** Quiet time after which the container waits long. */
	static final Duration QUIET_AFTER = Duration.ofMillis(100);

	private final SimpleMessageListenerContainer container;

	private final long lingerMillis;

	private BatchLinger(SimpleMessageListenerContainer container, Duration linger) {
		this.container = container;
		this.lingerMillis = Math.max(1, linger.toMillis());
	}

	/**
	 * Makes the container linger {@code linger} inside a batch and wait long when idle.
	 */
	static void apply(SimpleMessageListenerContainer container, Duration linger) {
		BatchLinger switcher = new BatchLinger(container, linger);
		container.setReceiveTimeout(IDLE_WAIT.toMillis());
		container.setBatchReceiveTimeout(switcher.lingerMillis);
		container.setIdleEventInterval(QUIET_AFTER.toMillis());
		container.setAfterReceivePostProcessors(switcher);
		container.setApplicationEventPublisher(switcher);
	}

	/** A delivery came: wait only the linger for the next ones. */
	@Override
	public Message postProcessMessage(Message message) {
		this.container.setReceiveTimeout(this.lingerMillis);
		return message;
	}

	/** The container found the queue quiet: wait long for the next delivery. */
	@Override
	public void publishEvent(Object event) {
		if (event instanceof ListenerContainerIdleEvent) {
			this.container.setReceiveTimeout(IDLE_WAIT.toMillis());
		}
	}

}
