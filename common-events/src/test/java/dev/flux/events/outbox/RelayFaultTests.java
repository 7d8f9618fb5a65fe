package dev.flux.events.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.rabbitmq.client.Address;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay under faults: it dies between the broker's confirms and marking the rows, and
 * a second relay competes for the same outbox. A relay of another instance is woken by
 * the appending instance's commits, not by its poll. A mark that meets an erasure of its
 * aggregate waits for it and erases the payload. A broker slow to confirm does not hold
 * back the events committed after.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class RelayFaultTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxStore store;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private CachingConnectionFactory connectionFactory;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private JdbcTemplate jdbc;

	private final List<OutboxRelay> extraRelays = new ArrayList<>();

	@AfterEach
	void restoreTheApplicationsRelay() {
		this.extraRelays.forEach(OutboxRelay::stop);
		this.relay.start();
	}

	@Test
	void eventsPublishedByARelayThatDiedBeforeMarkingThemAreSentAgainAndAppliedOnce() {
		this.relay.stop();
		AtomicBoolean crashed = new AtomicBoolean();
		OutboxRelay doomed = relay((batch, outcome) -> {
			if (crashed.compareAndSet(false, true)) {
				throw new SimulatedCrash();
			}
		});
		String prefix = "crash-" + UUID.randomUUID() + "-";
		this.transactions.executeWithoutResult((status) -> IntStream.range(0, 20)
			.forEach((i) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(prefix + i))));

		doomed.start();
		// The crash is the point: Awaitility must not fail on the relay thread's uncaught
		// error.
		await().dontCatchUncaughtExceptions()
			.atMost(PATIENCE)
			.until(() -> crashed.get() && this.effects.distinctApplied(prefix) == 20);
		assertThat(pendingWithPrefix(prefix)).as("rows left unmarked by the dead relay").isEqualTo(20);

		doomed.stop();
		this.relay.start();

		await().atMost(PATIENCE).until(() -> pendingWithPrefix(prefix) == 0);
		await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> this.effects.applied(prefix) == 20);
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(20);
	}

	@Test
	void eventsCommittedWhileTheBrokersConfirmsAreHeldBackAreDeliveredAndMarkedOnceTheyCome() throws Exception {
		this.relay.stop();
		com.rabbitmq.client.ConnectionFactory rabbit = this.connectionFactory.getRabbitConnectionFactory();
		try (HoldingProxy proxy = new HoldingProxy(rabbit.getHost(), rabbit.getPort())) {
			// Confirms may take far longer than this test: only the hold delays them.
			OutboxProperties patient = new OutboxProperties(true, this.properties.batchSize(),
					this.properties.pollInterval(), this.properties.standbyInterval(), Duration.ofMinutes(2),
					this.properties.initialBackoff(), this.properties.maxBackoff(), this.properties.retention(),
					this.properties.purgeInterval(), this.properties.purgeBatchSize());
			OutboxRelay slowConfirms = new OutboxRelay(this.store,
					new OutboxPublisher(rabbit, List.of(new Address("127.0.0.1", proxy.port())), "sample-service",
							patient.confirmTimeout()),
					new RelayLeadership(this.dataSource, "sample"), patient,
					new OutboxMetrics(new SimpleMeterRegistry(), this.store), RelayObserver.NONE);
			this.extraRelays.add(slowConfirms);
			slowConfirms.start();
			// The relay's connection is open before the hold, which would stall its
			// handshake.
			String warmUp = "warm-up-" + UUID.randomUUID();
			this.transactions
				.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(warmUp)));
			await().atMost(PATIENCE)
				.until(() -> this.effects.timesApplied(warmUp) == 1 && pendingWithPrefix(warmUp) == 0);

			proxy.hold();
			String prefix = "held-" + UUID.randomUUID() + "-";
			for (int i = 0; i < 3; i++) {
				String note = prefix + i;
				this.transactions.executeWithoutResult(
						(status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)));
			}

			// Each commit was sent without waiting for the confirms of the one before.
			await().atMost(PATIENCE).until(() -> this.effects.distinctApplied(prefix) == 3);
			assertThat(pendingWithPrefix(prefix)).as("events whose confirms are held back").isEqualTo(3);

			proxy.release();
			await().atMost(PATIENCE).until(() -> pendingWithPrefix(prefix) == 0);
			await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> this.effects.applied(prefix) == 3);
		}
	}

	@Test
	void onlyOneRelayPublishesAndTheStandbyTakesOverWhenTheActiveOneStops() {
		await().atMost(PATIENCE).until(this.relay::isActive);
		OutboxRelay standby = relay(RelayObserver.NONE);
		standby.start();
		await().during(Duration.ofSeconds(1))
			.atMost(PATIENCE)
			.until(() -> this.relay.isActive() && !standby.isActive());

		this.relay.stop();
		await().atMost(PATIENCE).until(standby::isActive);
		String note = "after-takeover-" + UUID.randomUUID();
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)));
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
	}

	@Test
	void eventsOfOneAggregateArriveInCommitOrderWhileTwoRelaysCompete() {
		OutboxRelay competitor = relay(RelayObserver.NONE);
		competitor.start();
		List<UUID> samples = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		for (long version = 1; version <= 30; version++) {
			for (UUID sample : samples) {
				long v = version;
				this.transactions.executeWithoutResult((status) -> this.outbox.append(sample.toString(), v,
						new SampleHappened(sample, "ordered-" + sample + "-" + v)));
			}
		}

		await().atMost(PATIENCE)
			.until(() -> samples.stream().allMatch((sample) -> this.effects.versionsApplied(sample).size() == 30));
		for (UUID sample : samples) {
			assertThat(this.effects.versionsApplied(sample))
				.containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
		}
		assertThat(this.relay.isActive() ^ competitor.isActive()).as("exactly one relay is active").isTrue();
	}

	@Test
	void aCommitWakesTheActiveRelayOfAnotherInstanceLongBeforeItsPoll() {
		this.relay.stop();
		OutboxProperties slowPoll = new OutboxProperties(true, this.properties.batchSize(), Duration.ofMinutes(5),
				this.properties.standbyInterval(), this.properties.confirmTimeout(), this.properties.initialBackoff(),
				this.properties.maxBackoff(), this.properties.retention(), this.properties.purgeInterval(),
				this.properties.purgeBatchSize());
		OutboxRelay other = relay(RelayObserver.NONE, slowPoll);
		other.start();
		await().atMost(PATIENCE).until(() -> other.isActive() && this.store.stats().pending() == 0);

		String note = "woken-" + UUID.randomUUID();
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)));
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
	}

	@Test
	void aMarkWaitingForAnErasureOfItsAggregateErasesThePublishedPayload() throws Exception {
		this.relay.stop();
		String aggregate = UUID.randomUUID().toString();
		String note = "erased-while-marked-" + UUID.randomUUID();
		EventEnvelope event = this.transactions.execute((status) -> this.outbox.append(aggregate, 1, sample(note)));
		long id = this.jdbc.queryForObject("SELECT id FROM flux_events.outbox_events WHERE event_id = ?", Long.class,
				event.eventId());
		CountDownLatch erased = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> erasure = threads.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.outbox.erase(aggregate);
				erased.countDown();
				await().atMost(PATIENCE).until(() -> commit.getCount() == 0);
			}));
			assertThat(erased.await(30, TimeUnit.SECONDS)).isTrue();
			// The relay's mark, confirmed by the broker while the erasure is open: it
			// waits.
			Future<?> mark = threads.submit(() -> this.store.markPublished(List.of(id)));
			await().atMost(PATIENCE)
				.until(() -> this.jdbc.queryForObject(
						"SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'",
						Integer.class) > 0);
			assertThat(mark).isNotDone();

			commit.countDown();
			erasure.get(30, TimeUnit.SECONDS);
			mark.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT status FROM flux_events.outbox_event_status WHERE id = ?",
				String.class, id))
			.isEqualTo("PUBLISHED");
		assertThat(this.jdbc.queryForObject("SELECT envelope::text FROM flux_events.outbox_events WHERE id = ?",
				String.class, id))
			.as("the payload of an event published as its aggregate was erased")
			.doesNotContain(note)
			.contains("\"payload\": null");
	}

	private OutboxRelay relay(RelayObserver observer) {
		return relay(observer, this.properties);
	}

	private OutboxRelay relay(RelayObserver observer, OutboxProperties properties) {
		OutboxRelay relay = new OutboxRelay(this.store,
				new OutboxPublisher(this.connectionFactory.getRabbitConnectionFactory(), "sample-service",
						this.properties.confirmTimeout()),
				new RelayLeadership(this.dataSource, "sample"), properties,
				new OutboxMetrics(new SimpleMeterRegistry(), this.store), observer);
		this.extraRelays.add(relay);
		return relay;
	}

	private int pendingWithPrefix(String prefix) {
		Integer count = this.jdbc.queryForObject("""
				SELECT count(*) FROM flux_events.outbox_events e JOIN flux_events.outbox_pending p ON p.id = e.id
				WHERE NOT p.failed AND e.envelope -> 'payload' ->> 'note' LIKE ?""", Integer.class, prefix + "%");
		return (count != null) ? count : 0;
	}

	private static SampleHappened sample(String note) {
		return new SampleHappened(UUID.randomUUID(), note);
	}

	/**
	 * What the relay's process dying looks like from inside: nothing after this line
	 * runs.
	 */
	static final class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("relay process died between the broker's confirms and marking the rows");
		}

	}

}
