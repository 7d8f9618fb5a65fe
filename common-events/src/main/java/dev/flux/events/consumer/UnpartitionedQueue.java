package dev.flux.events.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;

/**
 * The migration of a deployment whose service queue predates the partitions: on each
 * connection to the broker, if the old queue ({@link ConsumerQueue#name()}) is still
 * there, its bindings are removed, so that new events, retries and replays reach only the
 * partitions, and what it still holds is drained through the same consumer (the inbox
 * makes an event seen in both places a duplicate). An operator deletes the empty queue.
 */
final class UnpartitionedQueue implements ConnectionListener {

	private static final Logger logger = LoggerFactory.getLogger(UnpartitionedQueue.class);

	private final ConsumerQueue queue;

	private final RabbitAdmin admin;

	private final SimpleMessageListenerContainer drain;

	private volatile boolean enabled;

	UnpartitionedQueue(ConsumerQueue queue, ConnectionFactory connectionFactory, SimpleMessageListenerContainer drain) {
		this.queue = queue;
		this.admin = new RabbitAdmin(connectionFactory);
		this.drain = drain;
	}

	/**
	 * Looks for the old queue now and on every new connection, until {@link #stop()}.
	 */
	void start() {
		this.enabled = true;
		migrate();
	}

	void stop() {
		this.enabled = false;
		this.drain.stop();
	}

	void destroy() {
		this.drain.destroy();
	}

	@Override
	public void onCreate(Connection connection) {
		migrate();
	}

	private void migrate() {
		if (!this.enabled || this.drain.isRunning()) {
			return;
		}
		try {
			if (this.admin.getQueueProperties(this.queue.name()) == null) {
				return;
			}
			for (Binding binding : FluxTopology.unpartitionedBindings(this.queue)) {
				this.admin.removeBinding(binding);
			}
			logger.warn("{} predates the partitions: unbound, and drained into the same consumer; delete it once empty",
					this.queue.name());
			this.drain.start();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not migrate {} to partitions yet: {}", this.queue.name(), ex.toString());
		}
	}

}
