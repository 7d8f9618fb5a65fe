package dev.flux.events.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.sample.SampleEffects;
import dev.flux.events.sample.SampleHappened;
import dev.flux.events.sample.SampleServiceApplication;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker of a deployment from before the partitions still has the service's one queue,
 * bound to the events and holding some: the service unbinds it and drains it through the
 * same consumer, and what is published from then on reaches only the partitions.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@WithFluxInfrastructure
class UnpartitionedQueueTests {

	private static final ConsumerQueue QUEUE = SampleServiceApplication.QUEUE;

	@Autowired
	private ConnectionFactory connectionFactory;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private EventCodec codec;

	@Autowired
	private SampleEffects effects;

	@Test
	void theOldQueueIsUnboundAndDrainedIntoTheSameConsumer() {
		RabbitAdmin admin = new RabbitAdmin(this.connectionFactory);
		// The queue as the version before the partitions declared it.
		admin.declareQueue(
				new Queue(QUEUE.name(), true, false, false, Map.of("x-queue-type", "quorum", "x-dead-letter-exchange",
						FluxTopology.DEAD_LETTER_EXCHANGE, "x-dead-letter-routing-key", QUEUE.name())));
		FluxTopology.unpartitionedBindings(QUEUE).forEach(admin::declareBinding);
		String waiting = "waiting-in-the-old-queue-" + UUID.randomUUID();
		RabbitTemplate rabbit = new RabbitTemplate(this.connectionFactory);
		rabbit.send("", QUEUE.name(), message(waiting));

		Lifecycle consumers = this.context.getBean("fluxEventConsumers", Lifecycle.class);
		consumers.stop();
		consumers.start();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.effects.timesApplied(waiting) == 1);
		// Nothing new reaches the old queue: with the consumers paused, an event
		// published
		// now waits in a partition, not in it.
		consumers.stop();
		try {
			String later = "published-after-" + UUID.randomUUID();
			rabbit.send(FluxTopology.EVENTS_EXCHANGE, "sample.happened", message(later));
			// Waiting in a partition, or handled by another test context's consumers.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> queued(admin, QUEUE.partitionNames()) > 0 || this.effects.timesApplied(later) == 1);
			assertThat(admin.getQueueInfo(QUEUE.name()).getMessageCount()).as("messages in the old queue").isZero();
		}
		finally {
			// The operator's last step: the drained queue is deleted.
			admin.deleteQueue(QUEUE.name());
			consumers.start();
		}
	}

	private Message message(String note) {
		UUID sampleId = UUID.randomUUID();
		EventEnvelope envelope = this.codec.envelope(new SampleHappened(sampleId, note), UUID.randomUUID(),
				Instant.now(), "test", sampleId.toString(), 1, UUID.randomUUID(), null);
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(envelope.eventId().toString());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setHeader(FluxTopology.AGGREGATE_HEADER, sampleId.toString());
		return new Message(this.codec.toJson(envelope), properties);
	}

	private static long queued(RabbitAdmin admin, java.util.List<String> partitions) {
		return partitions.stream().mapToLong((partition) -> admin.getQueueInfo(partition).getMessageCount()).sum();
	}

}
