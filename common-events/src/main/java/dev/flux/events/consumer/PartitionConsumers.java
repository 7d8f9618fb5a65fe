package dev.flux.events.consumer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.listener.AsyncConsumerRestartedEvent;
import org.springframework.amqp.rabbit.listener.AsyncConsumerStartedEvent;
import org.springframework.amqp.rabbit.listener.AsyncConsumerStoppedEvent;
import org.springframework.amqp.rabbit.listener.BlockingQueueConsumer;

/**
 * The broker consumers of an instance's partitions, as their containers start, restart
 * and stop them, so that a hand-over closes the channel of every one of them: also of a
 * consumer whose first deliveries are still in its prefetch, not yet handed to the
 * listener (see {@link EventConsumer#handOver()}).
 */
final class PartitionConsumers {

	private static final Logger logger = LoggerFactory.getLogger(PartitionConsumers.class);

	private final Set<BlockingQueueConsumer> consumers = ConcurrentHashMap.newKeySet();

	/** Follows a container's consumer events; ignores the others. */
	void observe(Object event) {
		if (event instanceof AsyncConsumerStartedEvent started) {
			add(started.getConsumer());
		}
		else if (event instanceof AsyncConsumerRestartedEvent restarted) {
			remove(restarted.getOldConsumer());
			add(restarted.getNewConsumer());
		}
		else if (event instanceof AsyncConsumerStoppedEvent stopped) {
			remove(stopped.getConsumer());
		}
	}

	/** Closes the channel of every consumer, without cancelling it first. */
	void abortAll() {
		for (BlockingQueueConsumer consumer : this.consumers) {
			abort(consumer.getChannel());
		}
	}

	static void abort(@Nullable Channel channel) {
		if (channel == null) {
			return;
		}
		Channel target = (channel instanceof ChannelProxy proxy) ? proxy.getTargetChannel() : channel;
		try {
			target.abort();
		}
		catch (Exception ex) {
			logger.debug("Closing a channel on hand-over failed: {}", ex.toString());
		}
	}

	private void add(@Nullable Object consumer) {
		if (consumer instanceof BlockingQueueConsumer blocking) {
			this.consumers.add(blocking);
		}
	}

	private void remove(@Nullable Object consumer) {
		if (consumer != null) {
			this.consumers.remove(consumer);
		}
	}

}
