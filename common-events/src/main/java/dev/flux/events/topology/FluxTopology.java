package dev.flux.events.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.CustomExchange;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The broker topology of Flux (DESIGN.md section 3): the event exchange, the dead-letter
 * and replay exchanges, and for each consuming service its queue, bindings, retry tiers
 * and DLQ. Services declare their part of it at start-up; {@link BrokerDefinitions}
 * renders all of it for docker-compose and {@code ./flux}.
 */
public final class FluxTopology {

	/** The topic exchange every event is published to, keyed by event type. */
	public static final String EVENTS_EXCHANGE = "app.events";

	/** The direct exchange dead letters go through, keyed by the queue they died in. */
	public static final String DEAD_LETTER_EXCHANGE = "app.events.dlx";

	/** The direct exchange replays go through, keyed by the queue that asked for them. */
	public static final String REPLAY_EXCHANGE = "app.events.replay";

	/**
	 * The name of each notification-service gateway instance's own queue, before the
	 * instance id. Not part of the standard topology: every instance declares its queue
	 * itself (not durable, expiring once the instance is gone), inside the
	 * {@code notification.service.*} names its broker user may use.
	 */
	public static final String GATEWAY_QUEUE_PREFIX = "notification.service.gateway.";

	/**
	 * The header the relay puts an event's aggregate id in, which the partition exchanges
	 * hash: one aggregate's events all go to the same partition.
	 */
	public static final String AGGREGATE_HEADER = "flux-aggregate-id";

	/** The partitions of each service's queue in the standard topology. */
	public static final int DEFAULT_PARTITIONS = 4;

	/** The vhost all services share. */
	public static final String VHOST = "flux";

	/**
	 * Deliveries after which the broker itself dead-letters a message that crashes
	 * consumers.
	 */
	static final int BROKER_DELIVERY_LIMIT = 20;

	/** The retry delays used unless a service configures its own. */
	public static final List<Duration> DEFAULT_RETRY_TIERS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
			Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

	private static final Map<String, List<String>> STANDARD_BINDINGS = standardBindings();

	private final Map<String, ConsumerQueue> queues;

	private FluxTopology(Map<String, ConsumerQueue> queues) {
		this.queues = Map.copyOf(queues);
	}

	/**
	 * The services of Flux and the events each one consumes, with the given retry tiers.
	 */
	public static FluxTopology standard(List<Duration> retryTiers) {
		Map<String, ConsumerQueue> queues = new LinkedHashMap<>();
		STANDARD_BINDINGS.forEach((service, keys) -> queues.put(service,
				new ConsumerQueue(service, keys, retryTiers, DEFAULT_PARTITIONS)));
		return new FluxTopology(queues);
	}

	/** A topology of the given queues only. */
	public static FluxTopology of(List<ConsumerQueue> queues) {
		Map<String, ConsumerQueue> byService = new LinkedHashMap<>();
		queues.forEach((queue) -> byService.put(queue.service(), queue));
		return new FluxTopology(byService);
	}

	/** The producing-only and consuming services of Flux, by short name. */
	public static List<String> services() {
		List<String> services = new ArrayList<>();
		services.add("auth");
		services.addAll(STANDARD_BINDINGS.keySet());
		return services;
	}

	/** The queue a service consumes, if it consumes events. */
	public Optional<ConsumerQueue> queueOf(String service) {
		return Optional.ofNullable(this.queues.get(service));
	}

	/** Every consumer queue, in a stable order. */
	public List<ConsumerQueue> queues() {
		return this.queues.values().stream().sorted((a, b) -> a.service().compareTo(b.service())).toList();
	}

	/**
	 * What a service declares at start-up: the exchanges, and its own queues if it has
	 * any.
	 */
	public Declarables declarablesFor(String service) {
		List<Declarable> declarables = new ArrayList<>(exchanges());
		queueOf(service).ifPresent((queue) -> declarables.addAll(declarables(queue)));
		return new Declarables(declarables);
	}

	static List<Declarable> exchanges() {
		return List.of(new TopicExchange(EVENTS_EXCHANGE, true, false),
				new DirectExchange(DEAD_LETTER_EXCHANGE, true, false),
				new DirectExchange(REPLAY_EXCHANGE, true, false));
	}

	static List<Declarable> declarables(ConsumerQueue queue) {
		List<Declarable> declarables = new ArrayList<>();
		// Events, replays and returning retries all reach the partitions through the
		// consistent-hash exchange, so each comes back to its aggregate's partition.
		CustomExchange partitions = new CustomExchange(queue.partitionExchange(), "x-consistent-hash", true, false,
				Map.of("hash-header", AGGREGATE_HEADER));
		declarables.add(partitions);
		for (String key : queue.bindingKeys()) {
			declarables.add(toPartitions(queue, EVENTS_EXCHANGE, key));
		}
		declarables.add(toPartitions(queue, REPLAY_EXCHANGE, queue.name()));
		DirectExchange retry = new DirectExchange(queue.retryExchange(), true, false);
		declarables.add(retry);
		declarables.add(toPartitions(queue, queue.retryExchange(), queue.name()));
		for (String name : queue.partitionNames()) {
			declarables.add(new Queue(name, true, false, false, queue.mainArguments()));
			// The key of a consistent-hash binding is the partition's weight.
			declarables.add(new Binding(name, Binding.DestinationType.QUEUE, queue.partitionExchange(), "1", null));
		}
		for (int tier = 0; tier < queue.retryTiers().size(); tier++) {
			Queue retryQueue = new Queue(queue.retryQueue(tier), true, false, false, queue.retryArguments(tier));
			declarables.add(retryQueue);
			declarables.add(BindingBuilder.bind(retryQueue).to(retry).with(retryQueue.getName()));
		}
		Queue deadLetters = new Queue(queue.deadLetterQueue(), true, false, false, queue.deadLetterArguments());
		declarables.add(deadLetters);
		declarables.add(new Binding(deadLetters.getName(), Binding.DestinationType.QUEUE, DEAD_LETTER_EXCHANGE,
				queue.name(), null));
		return declarables;
	}

	private static Binding toPartitions(ConsumerQueue queue, String exchange, String key) {
		return new Binding(queue.partitionExchange(), Binding.DestinationType.EXCHANGE, exchange, key, null);
	}

	/**
	 * The bindings the queue had before it was partitioned, which a service removes from
	 * its old queue, if the broker still has it, so that nothing new reaches it.
	 */
	public static List<Binding> unpartitionedBindings(ConsumerQueue queue) {
		List<Binding> bindings = new ArrayList<>();
		for (String key : queue.bindingKeys()) {
			bindings.add(new Binding(queue.name(), Binding.DestinationType.QUEUE, EVENTS_EXCHANGE, key, null));
		}
		bindings.add(new Binding(queue.name(), Binding.DestinationType.QUEUE, REPLAY_EXCHANGE, queue.name(), null));
		bindings
			.add(new Binding(queue.name(), Binding.DestinationType.QUEUE, queue.retryExchange(), queue.name(), null));
		return bindings;
	}

	private static Map<String, List<String>> standardBindings() {
		Map<String, List<String>> bindings = new LinkedHashMap<>();
		// Not user.*: the user-service needs no verification or reset tokens, so it never
		// receives the sensitive user events.
		bindings.put("user", List.of("user.created", "user.updated", "user.deleted", "presence.*"));
		// channel.* and role.* feed the gateway's chat projection (who may view a
		// channel);
		// typing.* is not bound here: it is ephemeral, for the gateway instances only.
		bindings.put("notification", List.of("user.*", "profile.*", "message.*", "server.*", "channel.*", "role.*",
				"relationship.*", "dm.*", "read_state.*"));
		// DESIGN.md says user.*; as for the user-service, only the account events the
		// user projection needs, so the chat-service never receives a verification or
		// reset token.
		bindings.put("chat",
				List.of("user.created", "user.updated", "user.deleted", "profile.updated", "profile.privacy_updated"));
		return bindings;
	}

}
