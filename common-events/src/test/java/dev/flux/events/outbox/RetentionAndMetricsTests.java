package dev.flux.events.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.EventEnvelope;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox keeps published events for the retention and purges them in small batches;
 * its meters.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class RetentionAndMetricsTests {

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxStore store;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void purgesOnlyPublishedEventsOlderThanTheRetentionInBatchesOfTheConfiguredSize() {
		List<EventEnvelope> old = IntStream.range(0, 5).mapToObj((i) -> append("old-" + i)).toList();
		EventEnvelope recent = append("recent");
		await().atMost(Duration.ofSeconds(20)).until(() -> published(old) && published(List.of(recent)));
		for (EventEnvelope envelope : old) {
			this.jdbc.update("UPDATE flux_events.outbox_events SET created_at = now() - interval '8 days' "
					+ "WHERE event_id = ?", envelope.eventId());
		}

		assertThat(this.store.purgePublished(Duration.ofDays(7), 2)).isEqualTo(2);
		assertThat(this.store.purgePublished(Duration.ofDays(7), 2)).isEqualTo(2);
		assertThat(this.store.purgePublished(Duration.ofDays(7), 2)).isEqualTo(1);
		assertThat(this.store.purgePublished(Duration.ofDays(7), 2)).isZero();
		assertThat(count(old)).isZero();
		assertThat(count(List.of(recent))).as("a published event within the retention stays").isEqualTo(1);
	}

	@Test
	void metersTheBacklogThePublishedEventsAndTheirLatency() {
		double publishedBefore = this.meters.get("flux.outbox.published").counter().count();
		long latenciesBefore = this.meters.get("flux.outbox.publish.latency").timer().count();

		List<EventEnvelope> appended = IntStream.range(0, 3).mapToObj((i) -> append("metered-" + i)).toList();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.meters.get("flux.outbox.published").counter().count() - publishedBefore >= 3);
		assertThat(this.meters.get("flux.outbox.publish.latency").timer().count() - latenciesBefore)
			.isGreaterThanOrEqualTo(3);
		await().atMost(Duration.ofSeconds(20)).until(() -> published(appended));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.meters.get("flux.outbox.pending").gauge().value() == 0.0);
		assertThat(this.meters.get("flux.outbox.oldest.pending.age").gauge().value()).isZero();
		assertThat(this.meters.get("flux.outbox.failed").gauge().value()).isGreaterThanOrEqualTo(0.0);
	}

	private EventEnvelope append(String note) {
		return this.transactions.execute((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleHappened(UUID.randomUUID(), note + "-" + UUID.randomUUID())));
	}

	private boolean published(List<EventEnvelope> envelopes) {
		return envelopes.stream()
			.allMatch((envelope) -> "PUBLISHED".equals(
					this.jdbc.queryForObject("SELECT status FROM flux_events.outbox_event_status WHERE event_id = ?",
							String.class, envelope.eventId())));
	}

	private int count(List<EventEnvelope> envelopes) {
		return envelopes.stream()
			.mapToInt((envelope) -> this.jdbc.queryForObject(
					"SELECT count(*) FROM flux_events.outbox_events WHERE event_id = ?", Integer.class,
					envelope.eventId()))
			.sum();
	}

}
