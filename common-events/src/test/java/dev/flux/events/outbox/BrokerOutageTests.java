package dev.flux.events.outbox;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHandler;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.testsupport.BrokerControl;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ stops while the service keeps committing events: the outbox keeps them, health
 * says so, and once the broker is back every event arrives and is applied exactly once.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class BrokerOutageTests {

	private static final int EVENTS = 5_000;

	@Autowired
	private Outbox outbox;

	@Autowired
	private OutboxHealthIndicator health;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private SampleEffects effects;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private SampleHandler handler;

	@Test
	void everyEventAppendedWhileTheBrokerIsDownArrivesOnceWhenItIsBack() {
		BrokerControl broker = BrokerControl.of(this.context);
		String prefix = "outage-" + UUID.randomUUID() + "-";
		broker.stop();
		try {
			for (int batch = 0; batch < EVENTS / 100; batch++) {
				int first = batch * 100;
				this.transactions.executeWithoutResult((status) -> IntStream.range(first, first + 100)
					.forEach((i) -> this.outbox.append(UUID.randomUUID().toString(), 1,
							new SampleHappened(UUID.randomUUID(), prefix + i))));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> this.health.health(true).getStatus() == Status.DOWN);
			assertThat(this.health.health(true).getDetails()).containsEntry("pending", (long) EVENTS);
			assertThat(this.effects.applied(prefix)).isZero();
		}
		finally {
			broker.start();
		}

		await().atMost(Duration.ofMinutes(3)).until(() -> this.effects.distinctApplied(prefix) == EVENTS);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.health.health(true).getStatus() == Status.UP);
		assertThat(this.effects.applied(prefix)).as("each event applied exactly once").isEqualTo(EVENTS);
	}

	@Test
	void aFailedMessageBeingRetriedSurvivesABrokerRestart() {
		BrokerControl broker = BrokerControl.of(this.context);
		String note = "flaky-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.outbox.append(UUID.randomUUID().toString(), 1,
				new SampleHappened(UUID.randomUUID(), note)));
		await().atMost(Duration.ofSeconds(20)).until(() -> this.handler.attempts(note).size() == 1);

		// The retry now waits in its 1 s tier (or is on its way back): a broker restart
		// must lose neither.
		broker.stop();
		broker.start();

		// A retry that expires while its partition is not back yet is kept by the tier's
		// at-least-once dead-lettering and sent again when the broker's timer fires
		// (dead_letter_worker_publisher_confirm_timeout: 30 s in deploy/rabbitmq's
		// advanced.config, RabbitMQ's default 3 min): late, not lost.
		await().atMost(Duration.ofMinutes(2)).until(() -> this.effects.timesApplied(note) == 1);
		assertThat(this.handler.attempts(note)).hasSize(2);
	}

}
