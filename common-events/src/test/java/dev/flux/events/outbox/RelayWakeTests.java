package dev.flux.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How commits wake the active relay: in the JVM, with no NOTIFY, when it runs in the
 * committing instance; by a notification when it runs in another one; and the leadership
 * connection's thread still gives up the active role when the database ends its session.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class RelayWakeTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** Far longer than any wake-up: what the relay would wait without one. */
	private static final Duration SLOW_POLL = Duration.ofMinutes(5);

	/** Well under the slow poll: what a woken relay may take on a busy machine. */
	private static final Duration PROMPTLY = Duration.ofSeconds(10);

	@Autowired
	private OutboxRelay relay;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxStore store;

	@Autowired
	private CommitNotifier notifier;

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

	private final List<AutoCloseable> others = new ArrayList<>();

	@AfterEach
	void restoreTheApplicationsRelay() throws Exception {
		for (AutoCloseable other : this.others) {
			other.close();
		}
		this.relay.start();
	}

	@Test
	void commitsOfTheInstanceWhoseRelayIsActiveAreRelayedWithoutANotify() {
		await().atMost(PATIENCE).until(this.relay::isActive);
		// Whatever an earlier test's commits still had to notify is sent by now.
		long[] sent = { -1 };
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
			long now = this.notifier.notificationsSent();
			boolean settled = now == sent[0];
			sent[0] = now;
			return settled;
		});

		List<String> notes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String note = "local-" + UUID.randomUUID();
			notes.add(note);
			this.transactions
				.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)));
		}

		await().atMost(PATIENCE).until(() -> notes.stream().allMatch((note) -> this.effects.timesApplied(note) == 1));
		await().during(Duration.ofMillis(500))
			.atMost(PATIENCE)
			.until(() -> this.notifier.notificationsSent() == sent[0]);
	}

	@Test
	void aCommitOfAnInstanceWhoseRelayIsNotActiveNotifiesTheActiveRelayOfAnotherInstance() {
		this.relay.stop();
		CommitNotifier otherNotifier = new CommitNotifier(this.jdbc);
		this.others.add(otherNotifier);
		OutboxStore otherStore = new OutboxStore(this.jdbc, otherNotifier);
		OutboxRelay other = relay(otherStore, slowPoll());
		other.start();
		await().atMost(PATIENCE).until(() -> other.isActive() && this.store.stats().pending() == 0);
		long sent = this.notifier.notificationsSent();

		String note = "elsewhere-" + UUID.randomUUID();
		UUID eventId = this.transactions
			.execute((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)).eventId());

		await().atMost(PROMPTLY).until(() -> "PUBLISHED".equals(status(eventId)));
		assertThat(this.notifier.notificationsSent()).as("NOTIFYs sent by the committing instance").isGreaterThan(sent);
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
	}

	@Test
	void aRelayWhoseLockSessionTheDatabaseEndsGivesUpTheActiveRoleAndOneRelayCarriesOn() {
		await().atMost(PATIENCE).until(this.relay::isActive);
		OutboxRelay standby = relay(this.store, this.properties);
		standby.start();
		Integer holder = lockHolder();
		assertThat(holder).as("the session holding the relay's lock").isNotNull();

		this.jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, holder);

		await().atMost(PATIENCE).until(() -> {
			Integer now = lockHolder();
			return now != null && !now.equals(holder);
		});
		await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> this.relay.isActive() ^ standby.isActive());
		String note = "after-terminate-" + UUID.randomUUID();
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(note)));
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
	}

	private OutboxProperties slowPoll() {
		return new OutboxProperties(true, this.properties.batchSize(), SLOW_POLL, this.properties.standbyInterval(),
				this.properties.confirmTimeout(), this.properties.initialBackoff(), this.properties.maxBackoff(),
				this.properties.retention(), this.properties.purgeInterval(), this.properties.purgeBatchSize());
	}

	private OutboxRelay relay(OutboxStore store, OutboxProperties properties) {
		OutboxRelay relay = new OutboxRelay(store,
				new OutboxPublisher(this.connectionFactory.getRabbitConnectionFactory(), "sample-service",
						this.properties.confirmTimeout()),
				new RelayLeadership(this.dataSource, "sample"), properties,
				new OutboxMetrics(new SimpleMeterRegistry(), store), RelayObserver.NONE);
		this.others.add(0, relay::stop);
		return relay;
	}

	/** The backend holding the sample service's relay lock, if one does. */
	private @Nullable Integer lockHolder() {
		long key = UUID.nameUUIDFromBytes("flux-outbox-relay:sample".getBytes(StandardCharsets.UTF_8))
			.getMostSignificantBits();
		return this.jdbc.query("""
				SELECT pid FROM pg_locks
				WHERE locktype = 'advisory' AND granted AND objsubid = 1
				  AND ((classid::bigint << 32) | objid::bigint) = ?""", (rs, row) -> rs.getInt(1), key)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private @Nullable String status(UUID eventId) {
		return this.jdbc
			.query("SELECT status FROM flux_events.outbox_event_status WHERE event_id = ?",
					(rs, row) -> rs.getString(1), eventId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static SampleHappened sample(String note) {
		return new SampleHappened(UUID.randomUUID(), note);
	}

}
