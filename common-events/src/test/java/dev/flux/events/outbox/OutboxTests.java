package dev.flux.events.outbox;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.sample.OrphanHappened;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.tracing.EventContext;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class OutboxTests {

	// A ceiling, not a wait: 1,600 events relay in about a second on a quiet machine; a
	// machine
	// shared by several builds has taken more than 20 s.
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void refusesToAppendOutsideATransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.append("x", 1, sample("no-transaction")));
	}

	@Test
	void publishesACommittedEventAndMarksItPublished() {
		String note = "committed-" + UUID.randomUUID();
		EventEnvelope envelope = append(sample(note));

		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
		await().atMost(PATIENCE).until(() -> "PUBLISHED".equals(row(envelope).get("status")));
		assertThat(row(envelope)).containsEntry("event_type", "sample.happened").containsEntry("last_error", null);
	}

	@Test
	void neverPublishesAnEventWhoseTransactionRolledBack() {
		String rolledBack = "rolled-back-" + UUID.randomUUID();
		String committed = "committed-after-rollback-" + UUID.randomUUID();
		UUID rolledBackId = this.transactions.execute((status) -> {
			EventEnvelope envelope = this.outbox.append(UUID.randomUUID().toString(), 1, sample(rolledBack));
			status.setRollbackOnly();
			return envelope.eventId();
		});
		append(sample(committed));

		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(committed) == 1);
		assertThat(this.effects.timesApplied(rolledBack)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM flux_events.outbox_events WHERE event_id = ?",
				Integer.class, rolledBackId))
			.isZero();
	}

	/**
	 * A transaction that took its row id early and commits late: the relay has sent full
	 * batches past that id meanwhile (reading one ahead while two are in flight), and
	 * still publishes the late row.
	 */
	@Test
	void publishesAnEventThatCommitsAfterLaterEventsWereSentInFullBatches() throws Exception {
		String late = "late-commit-" + UUID.randomUUID();
		String prefix = "overtaking-" + UUID.randomUUID() + "-";
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService slow = Executors.newSingleThreadExecutor();
		try {
			Future<?> lateTransaction = slow.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.outbox.append(UUID.randomUUID().toString(), 1, sample(late));
				appended.countDown();
				awaitLatch(commit);
			}));
			assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
			int overtaking = 1_600;
			this.transactions.executeWithoutResult((status) -> IntStream.range(0, overtaking)
				.forEach((i) -> this.outbox.append(UUID.randomUUID().toString(), 1, sample(prefix + i))));
			await().atMost(PATIENCE).until(() -> this.effects.timesApplied(prefix + (overtaking - 1)) == 1);

			commit.countDown();
			lateTransaction.get(10, TimeUnit.SECONDS);
			await().atMost(PATIENCE).until(() -> this.effects.timesApplied(late) == 1);
		}
		finally {
			commit.countDown();
			slow.shutdownNow();
		}
	}

	@Test
	void recordsAnUnroutableEventAsFailedAndNeverAsPublished() {
		EventEnvelope envelope = append(new OrphanHappened(UUID.randomUUID()));

		await().atMost(PATIENCE).until(() -> "FAILED".equals(row(envelope).get("status")));
		assertThat((String) row(envelope).get("last_error")).contains("unroutable").contains("orphan.happened");
	}

	@Test
	void carriesTheRequestsCorrelationIdToTheConsumer() {
		UUID correlationId = UUID.randomUUID();
		String note = "correlated-" + UUID.randomUUID();
		try (EventContext.Scope scope = new EventContext(correlationId, null, null).open()) {
			append(sample(note));
		}

		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
		assertThat(this.effects.metadataOf(note).get("correlation_id")).isEqualTo(correlationId);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private EventEnvelope append(Object payload) {
		return this.transactions.execute((status) -> this.outbox.append(UUID.randomUUID().toString(), 1, payload));
	}

	private Map<String, Object> row(EventEnvelope envelope) {
		return this.jdbc.queryForMap(
				"SELECT status, attempts, last_error, event_type FROM flux_events.outbox_event_status WHERE event_id = ?",
				envelope.eventId());
	}

	private static SampleHappened sample(String note) {
		return new SampleHappened(UUID.randomUUID(), note);
	}

}
