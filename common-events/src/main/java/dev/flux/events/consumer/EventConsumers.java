package dev.flux.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.flux.events.topology.ConsumerQueue;

/**
 * Runs the listener containers of a service: one on each partition of its event queue
 * (when it has handlers), one draining its dead-letter queue into the dead-letter table,
 * and the drain of its queue from before the partitions while the broker has it.
 */
final class EventConsumers implements SmartLifecycle {

	private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();

	private final List<UnpartitionedQueue> migrations = new ArrayList<>();

	private final List<EventConsumer> listeners = new ArrayList<>();

	private final PartitionConsumers partitionConsumers = new PartitionConsumers();

	private final List<PartitionContainer> partitions = new ArrayList<>();

	private @Nullable PartitionBalancer balancer;

	private volatile boolean running;

	void add(ConnectionFactory connectionFactory, String queue, ChannelAwareMessageListener listener, int prefetch,
			int concurrency) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		configure(container, queue, listener, prefetch, concurrency);
		container.afterPropertiesSet();
		this.containers.add(container);
	}

	/**
	 * A container that hands the listener up to {@code batchSize} deliveries at a time,
	 * of those already delivered (lingering at most {@code linger} while a batch fills,
	 * if positive), and waiting long while the queue is quiet ({@link BatchLinger}).
	 */
	void addBatched(ConnectionFactory connectionFactory, String queue, ChannelAwareBatchMessageListener listener,
			int prefetch, int concurrency, int batchSize, Duration linger) {
		SimpleMessageListenerContainer container = (listener instanceof EventConsumer)
				? new PartitionContainer(connectionFactory, queue)
				: new SimpleMessageListenerContainer(connectionFactory);
		batched(container, queue, listener, prefetch, concurrency, batchSize, linger, this.partitionConsumers);
		if (container instanceof PartitionContainer partition) {
			this.partitions.add(partition);
		}
		if (listener instanceof EventConsumer consumer) {
			// Stopping must not cancel the consumer of a partition: see
			// EventConsumer.handOver().
			container.setForceStop(true);
			if (!this.listeners.contains(consumer)) {
				this.listeners.add(consumer);
			}
		}
		this.containers.add(container);
	}

	/**
	 * Drains the service's queue from before the partitions into the same listener, if
	 * the broker still has it ({@link UnpartitionedQueue}).
	 */
	void addUnpartitioned(ConnectionFactory connectionFactory, ConsumerQueue queue,
			ChannelAwareBatchMessageListener listener, int prefetch, int batchSize, Duration linger) {
		SimpleMessageListenerContainer drain = batched(new SimpleMessageListenerContainer(connectionFactory),
				queue.name(), listener, prefetch, 1, batchSize, linger, this.partitionConsumers);
		// Once the operator deletes the drained queue, the drain stops instead of
		// retrying.
		drain.setMissingQueuesFatal(true);
		UnpartitionedQueue migration = new UnpartitionedQueue(queue, connectionFactory, drain);
		connectionFactory.addConnectionListener(migration);
		this.migrations.add(migration);
	}

	private static SimpleMessageListenerContainer batched(SimpleMessageListenerContainer container, String queue,
			ChannelAwareBatchMessageListener listener, int prefetch, int concurrency, int batchSize, Duration linger,
			PartitionConsumers consumers) {
		configure(container, queue, listener, prefetch, concurrency);
		container.setConsumerBatchEnabled(true);
		container.setBatchSize(batchSize);
		BatchLinger.apply(container, listener, linger, consumers::observe);
		container.afterPropertiesSet();
		return container;
	}

	private static void configure(SimpleMessageListenerContainer container, String queue,
			ChannelAwareMessageListener listener, int prefetch, int concurrency) {
		container.setQueueNames(queue);
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setPrefetchCount(prefetch);
		container.setConcurrentConsumers(concurrency);
		container.setDefaultRequeueRejected(true);
		container.setMessageListener(listener);
		container.setMissingQueuesFatal(false);
		// A name of at most 15 characters before the number: what the OS shows of it.
		container.setTaskExecutor(new SimpleAsyncTaskExecutor("flux-consumer-"));
	}

	/** The containers of the partitions, in partition order. */
	List<PartitionContainer> partitions() {
		return List.copyOf(this.partitions);
	}

	/**
	 * Shares the partitions with the service's other instances: the balancer starts once
	 * the containers have, and stops (leaving the members) before they hand over.
	 */
	void balanceWith(PartitionBalancer balancer) {
		this.balancer = balancer;
	}

	@Override
	public void start() {
		this.listeners.forEach(EventConsumer::resume);
		this.containers.forEach(SimpleMessageListenerContainer::start);
		this.migrations.forEach(UnpartitionedQueue::start);
		if (this.balancer != null) {
			this.balancer.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.balancer != null) {
			this.balancer.stop();
		}
		this.listeners.forEach(EventConsumer::handOver);
		this.partitionConsumers.abortAll();
		this.migrations.forEach(UnpartitionedQueue::stop);
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
		this.migrations.forEach(UnpartitionedQueue::destroy);
		this.containers.forEach(SimpleMessageListenerContainer::destroy);
	}

}
