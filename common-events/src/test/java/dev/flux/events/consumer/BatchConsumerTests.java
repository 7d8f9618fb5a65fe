package dev.flux.events.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.outbox.Outbox;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHandler;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer handling deliveries in batches (one transaction, one acknowledgement): a
 * crash in the middle of a batch, a failing handler among healthy neighbours, and
 * duplicates inside and across batches. What was applied is read from the database, so
 * the assertions hold whichever test context's consumer got the deliveries.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class BatchConsumerTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final int EVENTS = 60;

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private EventCodec codec;

	@Autowired
	private ConnectionFactory connectionFactory;

	@Test
	void aBacklogIsAppliedInBatchesEachEventOnce() {
		String prefix = "batched-" + UUID.randomUUID() + "-";
		appendTogether(notes(prefix, EVENTS));

		await().atMost(PATIENCE).until(() -> this.effects.applied(prefix) == EVENTS);
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(EVENTS);
		// Fewer transactions than events: some batch held more than one. How many per
		// batch depends on how fast the relay publishes against the consumer's commits
		// (a batch takes what was delivered meanwhile), so any tighter bound fails on a
		// busy machine without the batching being broken.
		assertThat(this.effects.transactions(prefix)).as("transactions that applied %d events", EVENTS)
			.isLessThan(EVENTS);
	}

	@Test
	void losingTheBrokerConnectionInTheMiddleOfABatchAppliesEveryEventOnce() {
		String prefix = "crash-" + UUID.randomUUID() + "-";
		List<String> notes = notes(prefix, EVENTS);
		String crash = "crash-broker-" + UUID.randomUUID();
		notes.set(EVENTS / 2, crash);
		appendTogether(notes);

		await().atMost(PATIENCE)
			.until(() -> this.effects.applied(prefix) == EVENTS - 1 && this.effects.timesApplied(crash) == 1);
		assertThat(SampleHandler.crashed(crash)).as("the connection was dropped mid-batch").isTrue();
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(EVENTS - 1);
		assertThat(this.effects.transactions(prefix)).isLessThan(EVENTS / 2);
	}

	@Test
	void losingTheDatabaseConnectionInTheMiddleOfABatchAppliesEveryEventOnce() {
		String prefix = "crashdb-" + UUID.randomUUID() + "-";
		List<String> notes = notes(prefix, EVENTS);
		String crash = "crash-database-" + UUID.randomUUID();
		notes.set(EVENTS / 2, crash);
		appendTogether(notes);

		await().atMost(PATIENCE)
			.until(() -> this.effects.applied(prefix) == EVENTS - 1 && this.effects.timesApplied(crash) == 1);
		assertThat(SampleHandler.crashed(crash)).as("the connection was killed mid-batch").isTrue();
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(EVENTS - 1);
	}

	@Test
	void aFailingHandlerIsIsolatedFromItsBatchAndDeadLetteredAfterItsRetries() {
		String prefix = "neighbour-" + UUID.randomUUID() + "-";
		List<String> notes = notes(prefix, EVENTS);
		String toxic = "toxic-" + UUID.randomUUID();
		notes.set(EVENTS / 2, toxic);
		appendTogether(notes);

		await().atMost(PATIENCE).until(() -> this.effects.applied(prefix) == EVENTS - 1);
		assertThat(this.effects.distinctApplied(prefix)).isEqualTo(EVENTS - 1);
		DeadLetter dead = await().atMost(PATIENCE)
			.until(() -> this.deadLetters.list(null, 0, 1000)
				.stream()
				.filter((letter) -> letter.body().contains(toxic))
				.findFirst()
				.orElse(null), (letter) -> letter != null);
		assertThat(dead.attempts()).as("one attempt in the batch, then one per retry tier")
			.isEqualTo(SampleServiceApplication.RETRY_TIERS.size() + 1);
		assertThat(dead.errorMessage()).contains("never digests " + toxic);
		assertThat(this.effects.timesApplied(toxic)).isZero();
		assertThat(this.effects.applied(prefix)).as("the neighbours were applied once, not again with each retry")
			.isEqualTo(EVENTS - 1);
	}

	@Test
	void duplicatesInsideAndAcrossBatchesAreAppliedOnce() {
		String prefix = "twice-" + UUID.randomUUID() + "-";
		List<EventEnvelope> envelopes = notes(prefix, 10).stream().map(this::envelope).toList();
		RabbitTemplate rabbit = new RabbitTemplate(this.connectionFactory);
		rabbit.invoke((operations) -> {
			for (int round = 0; round < 3; round++) {
				for (EventEnvelope envelope : envelopes) {
					send(operations, envelope);
					send(operations, envelope);
				}
			}
			return null;
		});

		await().atMost(PATIENCE).until(() -> this.effects.distinctApplied(prefix) == 10);
		await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> this.effects.applied(prefix) == 10);
	}

	private static List<String> notes(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + i).collect(java.util.stream.Collectors.toList());
	}

	/** Appends the events in one transaction, so that the relay sends them together. */
	private void appendTogether(List<String> notes) {
		this.transactions.executeWithoutResult((status) -> notes.forEach((note) -> this.outbox
			.append(UUID.randomUUID().toString(), 1, new SampleHappened(UUID.randomUUID(), note))));
	}

	private EventEnvelope envelope(String note) {
		UUID sampleId = UUID.randomUUID();
		return this.codec.envelope(new SampleHappened(sampleId, note), UUID.randomUUID(), Instant.now(), "test",
				sampleId.toString(), 1, UUID.randomUUID(), null);
	}

	private void send(org.springframework.amqp.rabbit.core.RabbitOperations rabbit, EventEnvelope envelope) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(envelope.eventId().toString());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		rabbit.send(FluxTopology.EVENTS_EXCHANGE, "sample.happened",
				new Message(this.codec.toJson(envelope), properties));
	}

}
