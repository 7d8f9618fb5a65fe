package dev.flux.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the listener containers of a service: one on its event queue (when it has
 * handlers) and one draining its dead-letter queue into the dead-letter table.
 */
final class EventConsumers implements SmartLifecycle {

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private volatile boolean running;

	void add(ConnectionFactory connectionFactory, String queue, ChannelAwareMessageListener listener, int prefetch,
			int concurrency) {
		SimpleMessageListenerContainer container = container(connectionFactory, queue, listener, prefetch, concurrency);
		container.afterPropertiesSet();
		this.containers.add(container);
	}

	/**
	 * A container that hands the listener up to {@code batchSize} deliveries at a time,
	 * waiting at most {@code linger} for each next one (and for the whole batch).
	 */
	void addBatched(ConnectionFactory connectionFactory, String queue, ChannelAwareBatchMessageListener listener,
			int prefetch, int concurrency, int batchSize, Duration linger) {
		SimpleMessageListenerContainer container = container(connectionFactory, queue, listener, prefetch, concurrency);
		container.setConsumerBatchEnabled(true);
		container.setBatchSize(batchSize);
		container.setReceiveTimeout(Math.max(1, linger.toMillis()));
		container.setBatchReceiveTimeout(Math.max(1, linger.toMillis()));
		container.afterPropertiesSet();
		this.containers.add(container);
	}

	private static SimpleMessageListenerContainer container(ConnectionFactory connectionFactory, String queue,
			ChannelAwareMessageListener listener, int prefetch, int concurrency) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(queue);
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setPrefetchCount(prefetch);
		container.setConcurrentConsumers(concurrency);
		container.setDefaultRequeueRejected(true);
		container.setMessageListener(listener);
		container.setMissingQueuesFatal(false);
		return container;
	}

	@Override
	public void start() {
		this.containers.forEach(SimpleMessageListenerContainer::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.containers.forEach(SimpleMessageListenerContainer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts after, and stops before, the outbox relay. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	void destroy() {
		this.containers.forEach(SimpleMessageListenerContainer::destroy);
	}

}
