package dev.flux.events.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of one service share the partitions of its queue on the real broker and
 * database: each owns its share of the partitions and is their active consumer, and they
 * re-balance when one joins, leaves or dies, while every event takes effect once and each
 * aggregate's events in order. Each instance has its own broker connection, listener
 * containers, membership heartbeat and id, as separate processes would; they share the
 * database (inbox, membership) as instances of one service do. The handler records which
 * instance applied which aggregate's event from which partition.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class PartitionBalancingTests {

	private static final ConsumerQueue QUEUE = new ConsumerQueue("balanced", List.of("sample.happened"),
			List.of(Duration.ofSeconds(1)), 4);

	private static final MembershipProperties MEMBERSHIP = new MembershipProperties(Duration.ofMillis(200),
			Duration.ofSeconds(2));

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final int AGGREGATES = 64;

	@Autowired
	private CachingConnectionFactory connectionFactory;

	@Autowired
	private EventCodec codec;

	@Autowired
	private InboxStore inbox;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private ConfirmedSender sender;

	@Autowired
	private Outbox outbox;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PartitionsHealthIndicator partitionsHealth;

	private JdbcTemplate jdbc;

	private final List<Instance> instances = new ArrayList<>();

	private final AtomicLong version = new AtomicLong();

	private final List<UUID> samples = IntStream.range(0, AGGREGATES).mapToObj((i) -> UUID.randomUUID()).toList();

	@BeforeEach
	void declarePartitions() {
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("""
				CREATE TABLE IF NOT EXISTS balance_effects (id bigserial PRIMARY KEY, instance text NOT NULL,
				    partition int NOT NULL, event_id uuid NOT NULL, sample_id uuid NOT NULL,
				    aggregate_version bigint NOT NULL)""");
		this.jdbc.update("DELETE FROM flux_events.consumer_members WHERE consumer = ?", QUEUE.name());
		RabbitAdmin admin = new RabbitAdmin(this.connectionFactory);
		for (Declarable declarable : FluxTopology.of(List.of(QUEUE)).declarablesFor(QUEUE.service()).getDeclarables()) {
			switch (declarable) {
				case Exchange exchange -> admin.declareExchange(exchange);
				case Queue queue -> admin.declareQueue(queue);
				case Binding binding -> admin.declareBinding(binding);
				default -> throw new IllegalStateException("Unexpected " + declarable);
			}
		}
		QUEUE.partitionNames().forEach((partition) -> admin.purgeQueue(partition, false));
	}

	@AfterEach
	void stopInstances() {
		this.instances.forEach(Instance::stop);
	}

	@Test
	void theServiceShowsInItsHealthWhichPartitionsItOwnsAmongHowManyInstances() {
		await().atMost(PATIENCE)
			.until(() -> this.partitionsHealth.health(true).getDetails().get("members"),
					(members) -> members != null && ((Integer) members) >= 1);
		Map<String, Object> details = this.partitionsHealth.health(true).getDetails();
		assertThat(details).containsKeys("instance", "lastHeartbeat").containsEntry("partitions", 4);
		assertThat(this.partitionsHealth.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(this.jdbc.queryForList("SELECT instance_id FROM flux_events.consumer_members WHERE consumer = ?",
				String.class, SampleServiceApplication.QUEUE.name()))
			.as("the sample service's membership row")
			.contains((String) details.get("instance"));
	}

	@Test
	void twoInstancesEachOwnTwoPartitionsAndHandleOnlyTheirEvents() {
		Instance a = start("a");
		awaitBalanced(a);
		Instance b = start("b");
		awaitBalanced(a, b);
		assertThat(a.owned()).containsExactly(0, 2);
		assertThat(b.owned()).containsExactly(1, 3);

		long before = lastEffect();
		appendVersions(this.version.get() + 1, 5);
		awaitApplied(before, AGGREGATES * 5);

		assertThat(partitionsHandledBy("a", before)).as("partitions whose events a handled").containsExactly(0, 2);
		assertThat(partitionsHandledBy("b", before)).as("partitions whose events b handled").containsExactly(1, 3);
	}

	@Test
	void anOwnerWhoseConnectionDroppedIsActiveOnItsPartitionsAgainOnceItIsBack() {
		Instance a = start("a");
		awaitBalanced(a);
		Instance b = start("b");
		awaitBalanced(a, b);

		// b is back in line on the partitions it handed over, behind a.
		await().atMost(PATIENCE).until(() -> a.subscribed() && b.subscribed());

		// a's subscriptions go; b, next in line, takes every partition, and a comes back
		// behind it: only a re-balance puts a first again on the partitions it owns.
		a.broker().resetConnection();

		await().atMost(PATIENCE).until(() -> {
			long before = lastEffect();
			appendVersions(this.version.incrementAndGet(), 1);
			awaitApplied(before, AGGREGATES);
			return partitionsHandledBy("a", before).equals(List.of(0, 2))
					&& partitionsHandledBy("b", before).equals(List.of(1, 3));
		});
	}

	@Test
	void instancesJoiningLeavingAndDyingWhileEventsFlowApplyEachEventOnceInOrderAndEndBalanced() {
		AtomicLong version = this.version;
		ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
		Instance a = start("a");
		awaitBalanced(a);
		producer.scheduleWithFixedDelay(() -> appendVersions(version.incrementAndGet(), 1), 0, 100,
				TimeUnit.MILLISECONDS);
		try {
			Instance b = start("b");
			awaitBalanced(a, b);
			Instance c = start("c");
			awaitBalanced(a, b, c);
			// A graceful stop: a hands its partitions over and leaves the members.
			a.stop();
			awaitBalanced(b, c);
			// A crash: b's broker connection and its database session are gone; the
			// broker
			// moves its partitions at once, the others re-balance once its heartbeat
			// expires.
			b.die();
			awaitBalanced(c);
			Instance d = start("d");
			awaitBalanced(c, d);
			awaitAppliedVersions(version.get() + 5);
		}
		finally {
			producer.shutdown();
		}
		await().atMost(PATIENCE).until(() -> producer.awaitTermination(1, TimeUnit.SECONDS));
		long appended = version.get();
		long expected = AGGREGATES * appended;
		await().atMost(PATIENCE).until(() -> applied(0) >= expected);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> applied(0) == expected);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(DISTINCT event_id) FROM balance_effects WHERE sample_id = ANY (?::uuid[])", Long.class,
				(Object) ids()))
			.as("events applied, each once")
			.isEqualTo(expected);
		for (UUID sample : this.samples) {
			assertThat(this.jdbc.queryForList(
					"SELECT aggregate_version FROM balance_effects WHERE sample_id = ? ORDER BY id", Long.class,
					sample))
				.as("the versions of %s in the order they took effect", sample)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, appended).boxed().toList());
		}

		// Balanced at the end: the owners, and only they, handle new events.
		long before = lastEffect();
		appendVersions(appended + 1, 3);
		awaitApplied(before, AGGREGATES * 3);
		Instance c = instance("c");
		Instance d = instance("d");
		assertThat(c.owned()).containsExactly(0, 2);
		assertThat(d.owned()).containsExactly(1, 3);
		assertThat(partitionsHandledBy("c", before)).containsExactly(0, 2);
		assertThat(partitionsHandledBy("d", before)).containsExactly(1, 3);
		assertThat(
				this.jdbc.queryForList("SELECT DISTINCT instance FROM balance_effects ORDER BY instance", String.class))
			.as("every instance took part")
			.contains("a", "b", "c", "d");
	}

	/** Waits until exactly these instances see each other and own their share. */
	private void awaitBalanced(Instance... live) {
		Set<String> names = java.util.Arrays.stream(live).map(Instance::name).collect(Collectors.toSet());
		await().atMost(PATIENCE)
			.until(() -> java.util.Arrays.stream(live)
				.allMatch((instance) -> Set.copyOf(instance.balancer().assignment().members()).equals(names)));
	}

	private Instance start(String name) {
		Instance instance = Instance.start(name, this);
		this.instances.add(instance);
		return instance;
	}

	private Instance instance(String name) {
		return this.instances.stream().filter((instance) -> instance.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * Appends {@code count} versions of every aggregate from {@code first}, one
	 * transaction each.
	 */
	private void appendVersions(long first, int count) {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		for (long version = first; version < first + count; version++) {
			long next = version;
			transactions.executeWithoutResult((status) -> this.samples.forEach((sample) -> this.outbox
				.append(sample.toString(), next, new SampleHappened(sample, "balanced-" + next))));
		}
	}

	private void awaitApplied(long after, long events) {
		await().atMost(PATIENCE).until(() -> applied(after) >= events);
	}

	private void awaitAppliedVersions(long versions) {
		await().atMost(PATIENCE).until(() -> applied(0) >= AGGREGATES * versions);
	}

	private long applied(long after) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM balance_effects WHERE id > ? AND sample_id = ANY (?::uuid[])", Long.class, after,
				ids());
	}

	private long lastEffect() {
		return this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM balance_effects", Long.class);
	}

	private List<Integer> partitionsHandledBy(String instance, long after) {
		return this.jdbc.queryForList("""
				SELECT DISTINCT partition FROM balance_effects
				WHERE instance = ? AND id > ? AND sample_id = ANY (?::uuid[]) ORDER BY partition""", Integer.class,
				instance, after, ids());
	}

	private String[] ids() {
		return this.samples.stream().map(UUID::toString).toArray(String[]::new);
	}

	/**
	 * An instance of the service: its own broker connection, a consumer on each
	 * partition, its membership heartbeat through a database session it can lose.
	 */
	private record Instance(String name, CachingConnectionFactory broker, CuttableDataSource database,
			EventConsumers consumers, PartitionBalancer balancer, AtomicBoolean stopped) {

		static Instance start(String name, PartitionBalancingTests test) {
			com.rabbitmq.client.ConnectionFactory shared = test.connectionFactory.getRabbitConnectionFactory();
			com.rabbitmq.client.ConnectionFactory own = new com.rabbitmq.client.ConnectionFactory();
			own.setHost(shared.getHost());
			own.setPort(shared.getPort());
			own.setVirtualHost(shared.getVirtualHost());
			own.setUsername(shared.getUsername());
			own.setPassword(shared.getPassword());
			CachingConnectionFactory broker = new CachingConnectionFactory(own);
			CuttableDataSource database = new CuttableDataSource(test.dataSource);
			EventConsumers consumers = new EventConsumers();
			for (int partition = 0; partition < QUEUE.partitions(); partition++) {
				consumers.addBatched(broker, QUEUE.partition(partition), test.consumer(name, partition), 250, 1, 100,
						Duration.ofMillis(3));
			}
			PartitionBalancer balancer = new PartitionBalancer(QUEUE.name(), name, consumers.partitions(),
					new ConsumerMembers(new JdbcTemplate(database)), MEMBERSHIP, new SimpleMeterRegistry());
			consumers.balanceWith(balancer);
			consumers.start();
			return new Instance(name, broker, database, consumers, balancer, new AtomicBoolean());
		}

		List<Integer> owned() {
			return this.balancer.assignment().owned();
		}

		/** Whether it is subscribed to every partition. */
		boolean subscribed() {
			return this.consumers.partitions().stream().allMatch((partition) -> partition.subscriptions() > 0);
		}

		/**
		 * Dies: the database refuses its session, and its broker connection drops and
		 * cannot come back.
		 */
		void die() {
			this.database.cut();
			this.broker.getRabbitConnectionFactory().setPort(1);
			this.broker.resetConnection();
		}

		void stop() {
			if (!this.stopped.compareAndSet(false, true)) {
				return;
			}
			this.consumers.stop();
			this.consumers.destroy();
			this.broker.destroy();
		}

	}

	/** The consumer of one partition in an instance, recording what it applies. */
	private EventConsumer consumer(String instance, int partition) {
		ConsumerMetrics metrics = new ConsumerMetrics(new SimpleMeterRegistry(), QUEUE.name(),
				QUEUE.retryTiers().size());
		EventHandler<SampleHappened> handler = new EventHandler<>() {

			@Override
			public Class<SampleHappened> payloadType() {
				return SampleHappened.class;
			}

			@Override
			public void handle(SampleHappened payload, EventEnvelope envelope) {
				PartitionBalancingTests.this.jdbc.update("""
						INSERT INTO balance_effects (instance, partition, event_id, sample_id, aggregate_version)
						VALUES (?, ?, ?, ?, ?)""", instance, partition, envelope.eventId(), payload.sampleId(),
						envelope.aggregateVersion());
			}

		};
		return new EventConsumer(QUEUE.name(), this.codec, Map.of(EventConsumer.key("sample.happened", 1), handler),
				this.inbox, new TransactionTemplate(this.transactionManager),
				new FailureRouter(this.sender, QUEUE, metrics), metrics, new JdbcDeferredWrites(this.jdbc));
	}

	/** A database an instance can lose: once cut, every new session is refused. */
	private static final class CuttableDataSource extends DelegatingDataSource {

		private volatile boolean cut;

		CuttableDataSource(DataSource target) {
			super(target);
		}

		void cut() {
			this.cut = true;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.cut) {
				throw new SQLException("this instance lost its database");
			}
			return super.getConnection();
		}

	}

}
