package dev.flux.events.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
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
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The consumer under bad input: poison that fails every attempt, messages that can never
 * be handled, and duplicate delivery.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class ConsumerFaultTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private SampleHandler handler;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private EventCodec codec;

	@Autowired
	private ConnectionFactory connectionFactory;

	@Autowired
	private MeterRegistry meters;

	@Test
	void poisonIsDeadLetteredAfterTheConfiguredAttemptsAtTheConfiguredDelaysWhileOtherEventsFlow() {
		String poison = "poison-" + UUID.randomUUID();
		String healthy = "healthy-" + UUID.randomUUID();
		append(poison);
		append(healthy);

		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(healthy) == 1);
		Instant healthyDone = Instant.now();
		DeadLetter dead = await().atMost(PATIENCE).until(() -> deadLetter(poison), (letter) -> letter != null);

		List<Duration> tiers = SampleServiceApplication.RETRY_TIERS;
		List<Instant> attempts = this.handler.attempts(poison);
		assertThat(attempts).hasSize(tiers.size() + 1);
		for (int i = 0; i < tiers.size(); i++) {
			long measured = Duration.between(attempts.get(i), attempts.get(i + 1)).toMillis();
			assertThat((double) measured).as("delay before attempt %d", i + 2)
				.isCloseTo(tiers.get(i).toMillis(), within(tiers.get(i).toMillis() * 0.2));
		}
		assertThat(healthyDone).as("the healthy event was not held up by the poison").isBefore(attempts.getLast());
		assertThat(dead.attempts()).isEqualTo(tiers.size() + 1);
		assertThat(dead.errorClass()).isEqualTo(IllegalStateException.class.getName());
		assertThat(dead.errorMessage()).contains("cannot digest " + poison);
		assertThat(dead.routingKey()).isEqualTo("sample.happened");
		assertThat(dead.firstFailedAt()).isNotNull();
		assertThat(this.effects.timesApplied(poison)).isZero();

		this.handler.cure(poison);
		assertThat(this.deadLetters.replay(dead.id())).isTrue();
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(poison) == 1);
		assertThat(this.deadLetters.find(dead.id())).hasValueSatisfying((letter) -> {
			assertThat(letter.status()).isEqualTo("REPLAYED");
			assertThat(letter.resolvedAt()).isNotNull();
		});
		assertThat(this.deadLetters.replay(dead.id())).as("a dead letter is replayed once").isFalse();
	}

	@Test
	void malformedJsonGoesStraightToTheDeadLetterQueue() {
		String messageId = UUID.randomUUID().toString();
		send("{ not json at all".getBytes(StandardCharsets.UTF_8), messageId);

		DeadLetter dead = await().atMost(PATIENCE).until(() -> deadLetterById(messageId), (letter) -> letter != null);
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.errorClass()).endsWith("MalformedEventException");
		assertThat(dead.body()).isEqualTo("{ not json at all");
	}

	@Test
	void anEventOfAnUnknownVersionGoesStraightToTheDeadLetterQueue() {
		EventEnvelope envelope = envelope("future-" + UUID.randomUUID());
		String json = new String(this.codec.toJson(envelope), StandardCharsets.UTF_8).replace("\"version\":1",
				"\"version\":7");
		send(json.getBytes(StandardCharsets.UTF_8), envelope.eventId().toString());

		DeadLetter dead = await().atMost(PATIENCE)
			.until(() -> deadLetterById(envelope.eventId().toString()), (letter) -> letter != null);
		assertThat(dead.attempts()).isEqualTo(1);
		assertThat(dead.errorClass()).endsWith("UnknownEventTypeException");
	}

	@Test
	void aDuplicateDeliveryIsAcknowledgedWithoutApplyingTheEventAgain() {
		String note = "duplicate-" + UUID.randomUUID();
		UUID sampleId = UUID.randomUUID();
		EventEnvelope envelope = envelope(note, sampleId, 1);
		byte[] json = this.codec.toJson(envelope);
		double duplicatesBefore = duplicates();

		send(json, envelope.eventId().toString(), envelope.aggregateId());
		send(json, envelope.eventId().toString(), envelope.aggregateId());
		send(json, envelope.eventId().toString(), envelope.aggregateId());
		// The aggregate's next event, behind the three in its partition: once it is
		// applied, all three deliveries were handled. Other tests' redeliveries may count
		// as duplicates too, so the counter is read as at least two.
		EventEnvelope next = envelope("after-" + note, sampleId, 2);
		send(this.codec.toJson(next), next.eventId().toString(), next.aggregateId());

		await().atMost(PATIENCE).until(() -> this.effects.timesApplied("after-" + note) == 1);
		assertThat(this.effects.timesApplied(note)).isEqualTo(1);
		assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(2);
	}

	private double duplicates() {
		return this.meters.find("flux.consumer.duplicates").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private void append(String note) {
		this.transactions.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleHappened(UUID.randomUUID(), note)));
	}

	private EventEnvelope envelope(String note) {
		return envelope(note, UUID.randomUUID(), 1);
	}

	private EventEnvelope envelope(String note, UUID sampleId, long version) {
		return this.codec.envelope(new SampleHappened(sampleId, note), UUID.randomUUID(), Instant.now(), "test",
				sampleId.toString(), version, UUID.randomUUID(), null);
	}

	private void send(byte[] body, String messageId) {
		send(body, messageId, null);
	}

	/** Sends as the relay does, into the partition of the aggregate if one is given. */
	private void send(byte[] body, String messageId, @Nullable String aggregateId) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId);
		if (aggregateId != null) {
			properties.setHeader(FluxTopology.AGGREGATE_HEADER, aggregateId);
		}
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		new RabbitTemplate(this.connectionFactory).send(FluxTopology.EVENTS_EXCHANGE, "sample.happened",
				new Message(body, properties));
	}

	private DeadLetter deadLetter(String note) {
		return all().stream().filter((letter) -> letter.body().contains(note)).findFirst().orElse(null);
	}

	private DeadLetter deadLetterById(String messageId) {
		return all().stream().filter((letter) -> messageId.equals(letter.eventId())).findFirst().orElse(null);
	}

	private List<DeadLetter> all() {
		return this.deadLetters.list(null, 0, 1000);
	}

}
