package dev.flux.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * A partitioned queue shared by consumer instances on the real broker: the relay's events
 * are spread over the partitions by aggregate id, each partition has one active consumer,
 * and instances that join (standing by) and leave (handing their partitions over) change
 * neither how often nor in which order one aggregate's events take effect. The instances
 * are the consumers of their own partitioned queue, each with its own listener
 * containers, sharing the inbox as instances of one service do.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class PartitionTests {

	private static final ConsumerQueue QUEUE = new ConsumerQueue("partitioned", List.of("sample.happened"),
			List.of(Duration.ofSeconds(1)), 4);

	private static final int AGGREGATES = 16;

	private static final int VERSIONS_PER_PHASE = 10;

	@Autowired
	private ConnectionFactory connectionFactory;

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

	private JdbcTemplate jdbc;

	private final List<EventConsumers> instances = new ArrayList<>();

	@BeforeEach
	void declarePartitions() {
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("""
				CREATE TABLE IF NOT EXISTS partition_effects (id bigserial PRIMARY KEY, instance text NOT NULL,
				    event_id uuid NOT NULL, sample_id uuid NOT NULL, aggregate_version bigint NOT NULL)""");
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
		this.instances.forEach(EventConsumers::stop);
		this.instances.forEach(EventConsumers::destroy);
	}

	@Test
	void instancesJoiningAndLeavingHandleEveryEventOnceAndEachAggregateInOrder() {
		List<UUID> samples = LongStream.range(0, AGGREGATES).mapToObj((i) -> UUID.randomUUID()).toList();
		EventConsumers first = start("first");
		appendVersions(samples, 1);
		EventConsumers second = start("second");
		appendVersions(samples, 2);
		// The first leaves with events in flight: its partitions move to the second.
		first.stop();
		appendVersions(samples, 3);
		start("third");
		second.stop();
		appendVersions(samples, 4);

		int expected = AGGREGATES * VERSIONS_PER_PHASE * 4;
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(samples) >= expected);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(DISTINCT event_id) FROM partition_effects WHERE sample_id = ANY (?::uuid[])", Long.class,
				(Object) ids(samples)))
			.isEqualTo(expected);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> applied(samples) == expected);
		for (UUID sample : samples) {
			assertThat(this.jdbc.queryForList(
					"SELECT aggregate_version FROM partition_effects WHERE sample_id = ? ORDER BY id", Long.class,
					sample))
				.as("the versions of %s in the order they took effect", sample)
				.isSorted()
				.hasSize(VERSIONS_PER_PHASE * 4);
		}
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT instance FROM partition_effects WHERE sample_id = ANY (?::uuid[])", String.class,
				(Object) ids(samples)))
			.as("instances that handled events: the partitions moved")
			.hasSizeGreaterThanOrEqualTo(2);
	}

	/** An instance of the service: a consumer on each partition. */
	private EventConsumers start(String name) {
		ConsumerMetrics metrics = new ConsumerMetrics(new SimpleMeterRegistry(), QUEUE.name(),
				QUEUE.retryTiers().size());
		EventHandler<SampleHappened> handler = new EventHandler<>() {

			@Override
			public Class<SampleHappened> payloadType() {
				return SampleHappened.class;
			}

			@Override
			public void handle(SampleHappened payload, EventEnvelope envelope) {
				PartitionTests.this.jdbc.update("""
						INSERT INTO partition_effects (instance, event_id, sample_id, aggregate_version)
						VALUES (?, ?, ?, ?)""", name, envelope.eventId(), payload.sampleId(),
						envelope.aggregateVersion());
			}

		};
		EventConsumer consumer = new EventConsumer(QUEUE.name(), this.codec,
				Map.of(EventConsumer.key("sample.happened", 1), handler), this.inbox,
				new TransactionTemplate(this.transactionManager), new FailureRouter(this.sender, QUEUE, metrics),
				metrics, new JdbcDeferredWrites(this.jdbc));
		EventConsumers consumers = new EventConsumers();
		for (String partition : QUEUE.partitionNames()) {
			consumers.addBatched(this.connectionFactory, partition, consumer, 250, 1, 100, Duration.ofMillis(3));
		}
		consumers.start();
		this.instances.add(consumers);
		return consumers;
	}

	/** Appends the next versions of every aggregate, one transaction per version. */
	private void appendVersions(List<UUID> samples, int phase) {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		for (int i = 1; i <= VERSIONS_PER_PHASE; i++) {
			long version = (long) (phase - 1) * VERSIONS_PER_PHASE + i;
			transactions.executeWithoutResult((status) -> samples.forEach((sample) -> this.outbox
				.append(sample.toString(), version, new SampleHappened(sample, "partitioned-" + version))));
		}
	}

	private long applied(List<UUID> samples) {
		return this.jdbc.queryForObject("SELECT count(*) FROM partition_effects WHERE sample_id = ANY (?::uuid[])",
				Long.class, (Object) ids(samples));
	}

	private static String[] ids(List<UUID> samples) {
		return samples.stream().map(UUID::toString).toArray(String[]::new);
	}

}
