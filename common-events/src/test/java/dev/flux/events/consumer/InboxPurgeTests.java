package dev.flux.events.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.FluxTopology;
import dev.flux.events.topology.ServiceIdentity;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox forgets handled events after its retention, in small batches, and never
 * sooner: a recent event delivered again is still not applied twice.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class InboxPurgeTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private InboxStore store;

	@Autowired
	private InboxPurge purge;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private EventCodec codec;

	@Autowired
	private ConnectionFactory connectionFactory;

	@Test
	void purgesOnlyRowsOlderThanTheRetentionAtMostABatchPerStatement() {
		String consumer = "purge-" + UUID.randomUUID();
		List<UUID> old = inbox(consumer, 5, "9 days");
		List<UUID> recent = inbox(consumer, 3, "1 day");

		// Another test context's purge may take some of the old rows meanwhile: what
		// holds is that no statement deletes more than the batch, and what is left.
		int purged;
		do {
			purged = this.store.purgeProcessed(Duration.ofDays(8), 2);
			assertThat(purged).isBetween(0, 2);
		}
		while (purged > 0);

		assertThat(count(consumer, old)).as("rows older than the retention").isZero();
		assertThat(count(consumer, recent)).as("rows within the retention").isEqualTo(recent.size());
	}

	@Test
	void aRecentEventDeliveredAgainAfterAPurgeIsStillNotAppliedTwice() {
		UUID sampleId = UUID.randomUUID();
		String note = "kept-" + UUID.randomUUID();
		byte[] json = this.codec.toJson(envelope(sampleId, 1, note));
		send(sampleId, json);
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(note) == 1);
		String consumer = "aged-" + UUID.randomUUID();
		List<UUID> old = inbox(consumer, 3, "9 days");

		this.purge.purge();

		assertThat(count(consumer, old)).as("rows older than the retention").isZero();
		send(sampleId, json);
		// The next event of the same aggregate goes to the same partition after the
		// duplicate: once it is applied, the duplicate has been handled.
		String next = "next-" + UUID.randomUUID();
		send(sampleId, this.codec.toJson(envelope(sampleId, 2, next)));
		await().atMost(PATIENCE).until(() -> this.effects.timesApplied(next) == 1);
		assertThat(this.effects.timesApplied(note)).as("the event delivered again").isEqualTo(1);
	}

	@Test
	void refusesToStartWithARetentionShorterThanTheOutboxRetentionPlusTheRetryTiers() {
		// The sample's tiers are 1s, 2s and 3s; the outbox keeps its events 7 days.
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(InboxConfiguration.class)
			.withBean(InboxStore.class, () -> new InboxStore(new JdbcTemplate()))
			.withBean(FluxTopology.class, () -> FluxTopology.of(List.of(SampleServiceApplication.QUEUE)))
			.withBean(ServiceIdentity.class, () -> ServiceIdentity.of("sample-service", ""));

		runner.withPropertyValues("flux.events.inbox.retention=7d").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("flux.events.inbox.retention (PT168H) must be at least "
						+ "flux.events.outbox.retention (PT168H) plus the retry tiers (PT6S), PT168H6S")
				.hasMessageContaining("replayed");
		});
		runner.withPropertyValues("flux.events.inbox.retention=PT168H6S")
			.run((context) -> assertThat(context).as("exactly the minimum").hasNotFailed());
		runner.withPropertyValues("flux.events.outbox.retention=30d")
			.run((context) -> assertThat(context).as("the default against a longer outbox retention").hasFailed());
		runner.run((context) -> assertThat(context).as("the defaults").hasNotFailed());
	}

	private List<UUID> inbox(String consumer, int rows, String age) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.update("INSERT INTO flux_events.inbox (consumer, event_id, event_type, processed_at) "
					+ "VALUES (?, ?, 'sample.happened', now() - ?::interval)", consumer, id, age);
			ids.add(id);
		}
		return ids;
	}

	private int count(String consumer, List<UUID> ids) {
		Integer count = this.jdbc.queryForObject(
				"SELECT count(*) FROM flux_events.inbox WHERE consumer = ? AND event_id = ANY (?::uuid[])",
				Integer.class, consumer, ids.stream().map(UUID::toString).toArray(String[]::new));
		return (count != null) ? count : 0;
	}

	private EventEnvelope envelope(UUID sampleId, long version, String note) {
		return this.codec.envelope(new SampleHappened(sampleId, note), UUID.randomUUID(), Instant.now(), "test",
				sampleId.toString(), version, UUID.randomUUID(), null);
	}

	private void send(UUID sampleId, byte[] body) {
		MessageProperties properties = new MessageProperties();
		properties.setHeader(FluxTopology.AGGREGATE_HEADER, sampleId.toString());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		new RabbitTemplate(this.connectionFactory).send(FluxTopology.EVENTS_EXCHANGE, "sample.happened",
				new Message(body, properties));
	}

}
