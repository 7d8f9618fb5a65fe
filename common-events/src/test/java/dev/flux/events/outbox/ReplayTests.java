package dev.flux.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleSecretIssued;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The outbox as an event log: retained events are re-sent to one consumer's queue on
 * request, the consumer's inbox keeps the replay harmless, and secrets are neither kept
 * nor replayed.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class ReplayTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxAdministration administration;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void replaysRetainedEventsToOneQueueAndTheConsumerAppliesThemOnlyOnce() {
		String prefix = "replayed-" + UUID.randomUUID() + "-";
		List<EventEnvelope> appended = List.of(append(prefix + 0), append(prefix + 1), append(prefix + 2));
		await().atMost(PATIENCE).until(() -> this.effects.distinctApplied(prefix) == 3 && published(appended));
		double duplicatesBefore = duplicates();

		int replayed = this.administration.replayFrom(appended.getFirst().eventId(), "sample.service.queue");

		assertThat(replayed).isGreaterThanOrEqualTo(3);
		await().atMost(PATIENCE).until(() -> duplicates() - duplicatesBefore >= 3);
		assertThat(this.effects.applied(prefix)).isEqualTo(3);
		assertThat(this.administration.replayFrom(appended.getLast().eventId(), "sample.service.queue"))
			.as("a replay from the third event leaves out the two before it")
			.isEqualTo(replayed - 2);
	}

	@Test
	void refusesToReplayToAQueueThatDoesNotExist() {
		EventEnvelope envelope = append("replay-nowhere-" + UUID.randomUUID());
		await().atMost(PATIENCE).until(() -> published(List.of(envelope)));

		assertThatExceptionOfType(OutboxAdministration.ReplayFailedException.class)
			.isThrownBy(() -> this.administration.replayFrom(envelope.eventId(), "nobody.service.queue"))
			.withMessageContaining("unroutable");
	}

	@Test
	void erasesASensitivePayloadOncePublishedAndNeverReplaysIt() {
		Instant from = Instant.now().minusSeconds(1);
		EventEnvelope secret = this.transactions.execute((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleSecretIssued(UUID.randomUUID(), "s3cr3t-token")));
		await().atMost(PATIENCE).until(() -> published(List.of(secret)));

		String stored = this.jdbc.queryForObject(
				"SELECT envelope::text FROM flux_events.outbox_events WHERE event_id = ?", String.class,
				secret.eventId());
		assertThat(stored).doesNotContain("s3cr3t-token").contains("\"payload\": null");
		assertThat(this.jdbc.queryForList("SELECT event_id FROM flux_events.outbox_events WHERE created_at >= ?",
				UUID.class, java.sql.Timestamp.from(from)))
			.contains(secret.eventId());
		this.administration.replay("sample.service.queue", from, Instant.now().plusSeconds(1));
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM flux_events.outbox_events WHERE event_id = ? AND NOT sensitive", Integer.class,
				secret.eventId()))
			.as("the secret is marked sensitive, which replay skips")
			.isZero();
	}

	@Test
	void anErasedAggregateLosesItsPayloadsAndAReplayNeverBringsThemBack() {
		String aggregate = UUID.randomUUID().toString();
		String note = "personal-" + UUID.randomUUID();
		Instant from = Instant.now().minusSeconds(1);
		EventEnvelope published = append(aggregate, 1, note + "-published");
		await().atMost(PATIENCE).until(() -> published(List.of(published)));
		double duplicatesBefore = duplicates();
		EventEnvelope pending = this.transactions.execute((status) -> {
			EventEnvelope last = this.outbox.append(aggregate, 2,
					new SampleHappened(UUID.randomUUID(), note + "-pending"));
			assertThat(this.outbox.erase(aggregate)).isEqualTo(2);
			return last;
		});
		EventEnvelope other = append(UUID.randomUUID().toString(), 1, "someone else");
		await().atMost(PATIENCE).until(() -> published(List.of(pending, other)));

		assertThat(this.effects.applied(note + "-pending")).as("a pending event still reaches its consumers once")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForList("SELECT envelope::text FROM flux_events.outbox_events WHERE aggregate_id = ?",
				String.class, aggregate))
			.hasSize(2)
			.allSatisfy((envelope) -> assertThat(envelope).doesNotContain(note).contains("\"payload\": null"));
		assertThat(this.jdbc.queryForList(
				"SELECT aggregate_version FROM flux_events.outbox_events WHERE aggregate_id = ? ORDER BY id",
				Long.class, aggregate))
			.as("ids and versions stay for ordering")
			.containsExactly(1L, 2L);

		int replayed = this.administration.replay("sample.service.queue", from, Instant.now().plusSeconds(1));
		await().atMost(PATIENCE).until(() -> duplicates() - duplicatesBefore >= replayed);
		assertThat(this.effects.applied(note + "-published")).as("the replay left the erased events out").isEqualTo(1);
		assertThat(this.effects.applied("someone else")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void eraseNeedsTheDeletingTransaction() {
		assertThatExceptionOfType(org.springframework.transaction.IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.erase(UUID.randomUUID().toString()));
	}

	private EventEnvelope append(String aggregate, long version, String note) {
		return this.transactions
			.execute((status) -> this.outbox.append(aggregate, version, new SampleHappened(UUID.randomUUID(), note)));
	}

	private EventEnvelope append(String note) {
		return this.transactions.execute((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleHappened(UUID.randomUUID(), note)));
	}

	private boolean published(List<EventEnvelope> envelopes) {
		return envelopes.stream()
			.allMatch((envelope) -> "PUBLISHED".equals(
					this.jdbc.queryForObject("SELECT status FROM flux_events.outbox_event_status WHERE event_id = ?",
							String.class, envelope.eventId())));
	}

	private double duplicates() {
		return this.meters.find("flux.consumer.duplicates").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

}
