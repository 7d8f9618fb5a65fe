package dev.flux.events.consumer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.events.consumer.ConsumerMembers.Member;

/**
 * Shares a service's partitions among its live instances on RabbitMQ 3.10, where a
 * single-active-consumer queue activates its first subscriber and cannot be told whom to
 * prefer. Every instance stays subscribed to every partition (a standby takes over at
 * once when the active one dies). Membership lives in the service's database
 * ({@link ConsumerMembers}): an instance joins once its partitions are subscribed and
 * renews its row every heartbeat. All instances derive the same owner of each partition
 * from the sorted live members ({@link PartitionAssignment}). When the member set changes
 * (and has held for a heartbeat), each instance hands over every partition it does not
 * own on which another consumer is present: it closes that partition's channel between
 * two batches and subscribes again, behind the others. Once every non-owner has done so,
 * the owner is first in line, so it is the active consumer.
 */
final class PartitionBalancer {

	private static final Logger logger = LoggerFactory.getLogger(PartitionBalancer.class);

	private final String consumer;

	private final String instance;

	private final List<PartitionContainer> partitions;

	private final ConsumerMembers members;

	private final MembershipProperties properties;

	private final Counter rebalances;

	private final Counter handOvers;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile PartitionAssignment assignment;

	/** The member set read last, acted on once it is read again unchanged. */
	private List<Member> seen = List.of();

	/** The member set the partitions were last balanced for. */
	private List<Member> balanced = List.of();

	/** Goes up each time this instance subscribes again by itself. */
	private long generation;

	/** A subscription was lost: bump the generation once subscribed again. */
	private boolean rejoin;

	private volatile boolean member;

	private volatile @Nullable Instant lastHeartbeat;

	private volatile @Nullable String membershipError;

	PartitionBalancer(String consumer, String instance, List<PartitionContainer> partitions, ConsumerMembers members,
			MembershipProperties properties, MeterRegistry registry) {
		this.consumer = consumer;
		this.instance = instance;
		this.partitions = List.copyOf(partitions);
		this.members = members;
		this.properties = properties;
		this.assignment = PartitionAssignment.none(instance, partitions.size());
		Gauge.builder("flux.consumer.members", this, (balancer) -> balancer.assignment.members().size())
			.description("Live instances sharing the partitions, as this instance last balanced them")
			.tag("consumer", consumer)
			.register(registry);
		Gauge.builder("flux.consumer.partitions.owned", this, (balancer) -> balancer.assignment.owned().size())
			.description("Partitions this instance owns: it is their active consumer once balanced")
			.tag("consumer", consumer)
			.register(registry);
		this.rebalances = Counter.builder("flux.consumer.rebalances")
			.description("Changes of the live member set this instance balanced the partitions for")
			.tag("consumer", consumer)
			.register(registry);
		this.handOvers = Counter.builder("flux.consumer.handovers")
			.description("Partitions this instance handed over to their owner on a re-balance")
			.tag("consumer", consumer)
			.register(registry);
	}

	/** An id unique to this process: host, process id and a random part. */
	static String newInstanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void start() {
		if (this.partitions.isEmpty() || this.scheduler != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "flux-partitions");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.heartbeatInterval().toMillis();
		started.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	/**
	 * Stops the heartbeat and leaves the members, before the partitions are handed over.
	 */
	void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running == null) {
			return;
		}
		running.shutdownNow();
		try {
			running.awaitTermination(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.member) {
			try {
				this.members.leave(this.consumer, this.instance);
				logger.info("{}: instance {} left the consumer instances", this.consumer, this.instance);
			}
			catch (RuntimeException ex) {
				logger.warn("{}: could not leave the consumer instances, the others will time it out: {}",
						this.consumer, ex.toString());
			}
		}
		this.member = false;
		this.rejoin = false;
		this.seen = List.of();
		this.balanced = List.of();
		this.assignment = PartitionAssignment.none(this.instance, this.partitions.size());
	}

	String instance() {
		return this.instance;
	}

	/** The assignment this instance last balanced by. */
	PartitionAssignment assignment() {
		return this.assignment;
	}

	@Nullable Instant lastHeartbeat() {
		return this.lastHeartbeat;
	}

	/** Why the last heartbeat failed, while it fails. */
	@Nullable String membershipError() {
		return this.membershipError;
	}

	private void tick() {
		try {
			// Joining only once subscribed: the others hand over to this instance on
			// seeing it, which needs it in line behind them.
			boolean lost = false;
			for (PartitionContainer partition : this.partitions) {
				lost |= partition.lostSubscription();
			}
			this.rejoin |= lost && this.member;
			boolean subscribed = subscribed();
			if (!this.member && !subscribed) {
				return;
			}
			if (this.rejoin && subscribed) {
				// Back in line, but behind the others on every partition it had lost:
				// a new generation makes every instance re-balance.
				this.generation++;
				this.rejoin = false;
				logger.info("{}: {} subscribed again by itself; asking the instances to re-balance", this.consumer,
						this.instance);
			}
			this.members.heartbeat(this.consumer, this.instance, this.generation);
			this.member = true;
			List<Member> live = this.members.live(this.consumer, this.properties.timeout());
			this.lastHeartbeat = Instant.now();
			if (this.membershipError != null) {
				logger.info("{}: consumer membership heartbeats work again", this.consumer);
				this.membershipError = null;
			}
			if (!live.equals(this.seen)) {
				// Debounced: instances starting or stopping together cause one
				// re-balance.
				this.seen = live;
				return;
			}
			if (!live.equals(this.balanced)) {
				rebalance(live);
			}
		}
		catch (RuntimeException ex) {
			if (this.membershipError == null) {
				logger.warn("{}: consumer membership heartbeat failed, keeping the partitions as they are: {}",
						this.consumer, ex.toString());
			}
			this.membershipError = ex.toString();
		}
	}

	private boolean subscribed() {
		return this.partitions.stream().allMatch((partition) -> partition.subscriptions() > 0);
	}

	private void rebalance(List<Member> live) {
		PartitionAssignment next = new PartitionAssignment(live.stream().map(Member::instance).toList(), this.instance,
				this.partitions.size());
		List<Integer> handedOver = new ArrayList<>();
		for (int index = 0; index < this.partitions.size(); index++) {
			if (next.owns(index)) {
				continue;
			}
			PartitionContainer partition = this.partitions.get(index);
			// Only to another consumer: every other live member is subscribed (it joined
			// only then). The broker cannot say: on 3.10 a quorum queue's consumer count
			// leaves out the consumers waiting behind the single active one.
			if (live.size() > 1 && partition.subscriptions() > 0) {
				partition.handOver(this.properties.timeout());
				handedOver.add(index);
			}
		}
		this.assignment = next;
		this.balanced = live;
		this.rebalances.increment();
		this.handOvers.increment(handedOver.size());
		logger.info("{}: re-balanced over {} live instance(s); {} owns partitions {}, handed over {}", this.consumer,
				live.size(), this.instance, next.owned(), handedOver);
	}

}
