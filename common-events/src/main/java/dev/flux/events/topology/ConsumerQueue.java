package dev.flux.events.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's event queue with its bindings, retry tiers and dead-letter queue; every
 * name starts with {@code <service>.service.}, which is what the service's broker user
 * may touch. The queue is partitioned: a consistent-hash exchange routes each event by
 * its aggregate id ({@link FluxTopology#AGGREGATE_HEADER}) to one of the partitions,
 * quorum queues with a single active consumer, so that instances share the partitions
 * while one aggregate's events are handled in order.
 *
 * @param service the service's short name: {@code user}, {@code notification}
 * @param bindingKeys the routing keys bound from {@code app.events}, e.g. {@code user.*}
 * @param retryTiers the delays of the retry queues, shortest first
 * @param partitions the number of partition queues
 */
public record ConsumerQueue(String service, List<String> bindingKeys, List<Duration> retryTiers, int partitions) {

	public ConsumerQueue {
		bindingKeys = List.copyOf(bindingKeys);
		retryTiers = List.copyOf(retryTiers);
		if (partitions < 1) {
			throw new IllegalArgumentException("A queue has at least one partition, not " + partitions);
		}
	}

	/** A queue of {@link FluxTopology#DEFAULT_PARTITIONS} partitions. */
	public ConsumerQueue(String service, List<String> bindingKeys, List<Duration> retryTiers) {
		this(service, bindingKeys, retryTiers, FluxTopology.DEFAULT_PARTITIONS);
	}

	/** The prefix of every resource of the service: {@code user.service.}. */
	public String prefix() {
		return this.service + ".service.";
	}

	/**
	 * The service's queue as a whole: {@code user.service.queue}. The name its inbox
	 * records events under, the routing key of replays, of returning retries and of its
	 * dead letters; since the queue was partitioned, no broker queue has this name.
	 */
	public String name() {
		return prefix() + "queue";
	}

	/**
	 * The consistent-hash exchange that spreads the service's events over its partitions:
	 * {@code user.service.partitions}.
	 */
	public String partitionExchange() {
		return prefix() + "partitions";
	}

	/** A partition (0-based): {@code user.service.queue.0}. */
	public String partition(int index) {
		if (index < 0 || index >= this.partitions) {
			throw new IllegalArgumentException("No partition " + index + " of " + name());
		}
		return name() + "." + index;
	}

	/** Every partition, in order. */
	public List<String> partitionNames() {
		return java.util.stream.IntStream.range(0, this.partitions).mapToObj(this::partition).toList();
	}

	/**
	 * The direct exchange a failed message is sent to, keyed by retry queue name; expired
	 * retries come back through it, keyed by the main queue's name.
	 */
	public String retryExchange() {
		return prefix() + "retry";
	}

	/** The retry queue of a tier (0-based): {@code user.service.retry.5s}. */
	public String retryQueue(int tier) {
		return prefix() + "retry." + label(this.retryTiers.get(tier));
	}

	/**
	 * The dead-letter queue, fed through {@code app.events.dlx} with the main queue's
	 * name.
	 */
	public String deadLetterQueue() {
		return name() + ".dlq";
	}

	/**
	 * Arguments of a partition: quorum, one active consumer at a time (the others stand
	 * by), dead-lettered to the DLX when the broker gives up.
	 */
	public Map<String, Object> mainArguments() {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("x-queue-type", "quorum");
		arguments.put("x-single-active-consumer", true);
		arguments.put("x-dead-letter-exchange", FluxTopology.DEAD_LETTER_EXCHANGE);
		arguments.put("x-dead-letter-routing-key", name());
		arguments.put("x-delivery-limit", FluxTopology.BROKER_DELIVERY_LIMIT);
		return arguments;
	}

	/**
	 * Arguments of a retry queue: messages wait the tier's delay, then the broker
	 * dead-letters them back to the partition of their aggregate, at least once (a broker
	 * restart loses no retry). They go back through the service's own retry exchange, not
	 * the default exchange: declaring a queue that dead-letters to an exchange needs
	 * write permission on it, and the service's broker user may write only to its own
	 * resources.
	 */
	public Map<String, Object> retryArguments(int tier) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("x-queue-type", "quorum");
		arguments.put("x-message-ttl", this.retryTiers.get(tier).toMillis());
		arguments.put("x-dead-letter-exchange", retryExchange());
		arguments.put("x-dead-letter-routing-key", name());
		arguments.put("x-dead-letter-strategy", "at-least-once");
		arguments.put("x-overflow", "reject-publish");
		return arguments;
	}

	/** Arguments of the dead-letter queue. */
	public Map<String, Object> deadLetterArguments() {
		return Map.of("x-queue-type", "quorum");
	}

	static String label(Duration delay) {
		if (delay.toMillis() % 60_000 == 0) {
			return delay.toMinutes() + "m";
		}
		if (delay.toMillis() % 1000 == 0) {
			return delay.toSeconds() + "s";
		}
		return delay.toMillis() + "ms";
	}

}
