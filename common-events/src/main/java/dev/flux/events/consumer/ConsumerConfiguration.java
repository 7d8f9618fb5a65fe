package dev.flux.events.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.events.tracing.EventTraces;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.schema.FluxEventsSchema;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;
import dev.flux.events.topology.ServiceIdentity;

/**
 * The consumer side of a service that has a queue in the topology; imported by the Flux
 * events auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConsumerProperties.class, MembershipProperties.class })
public class ConsumerConfiguration {

	@Bean
	ConfirmedSender fluxConfirmedSender(ConnectionFactory connectionFactory) {
		RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
		rabbit.setMandatory(true);
		return new ConfirmedSender(rabbit, Duration.ofSeconds(10));
	}

	@Bean
	DeadLetterStore fluxDeadLetterStore(DataSource dataSource, FluxEventsSchema schema) {
		return new DeadLetterStore(new JdbcTemplate(dataSource), JsonMapper.builder().build());
	}

	@Bean
	InboxStore fluxInboxStore(DataSource dataSource, FluxEventsSchema schema) {
		return new InboxStore(new JdbcTemplate(dataSource));
	}

	@Bean
	DeadLetters fluxDeadLetters(FluxTopology topology, ServiceIdentity identity, DeadLetterStore store,
			ConfirmedSender sender, ObjectProvider<MeterRegistry> registry) {
		String queue = topology.queueOf(identity.service())
			.map(ConsumerQueue::name)
			.orElse(identity.service() + ".service.queue");
		DeadLetters deadLetters = new DeadLetters(queue, store, sender);
		Gauge.builder("flux.consumer.dead.letters", deadLetters, DeadLetters::countDead)
			.description("Dead letters waiting for an operator")
			.tag("consumer", queue)
			.register(registry.getIfAvailable(SimpleMeterRegistry::new));
		return deadLetters;
	}

	@Bean
	JdbcDeferredWrites fluxDeferredWrites(DataSource dataSource) {
		return new JdbcDeferredWrites(new JdbcTemplate(dataSource));
	}

	@Bean(destroyMethod = "destroy")
	EventConsumers fluxEventConsumers(FluxTopology topology, ServiceIdentity identity,
			ConnectionFactory connectionFactory, ConsumerProperties properties, EventCodec codec,
			List<EventHandler<?>> handlers, InboxStore inbox, DeadLetterStore deadLetterStore,
			PlatformTransactionManager transactionManager, ConfirmedSender sender, JdbcDeferredWrites writes,
			ObjectProvider<MeterRegistry> registry, ObjectProvider<EventTraces> traces) {
		EventConsumers consumers = new EventConsumers();
		if (!properties.enabled()) {
			return consumers;
		}
		topology.queueOf(identity.service()).ifPresent((queue) -> {
			ConsumerMetrics metrics = new ConsumerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new),
					queue.name(), queue.retryTiers().size());
			if (!handlers.isEmpty()) {
				EventConsumer consumer = new EventConsumer(queue.name(), codec, byType(codec, handlers), inbox,
						new TransactionTemplate(transactionManager), new FailureRouter(sender, queue, metrics), metrics,
						writes);
				consumer.traces(traces.getIfAvailable(() -> EventTraces.NONE));
				for (String partition : queue.partitionNames()) {
					consumers.addBatched(connectionFactory, partition, consumer, properties.prefetch(),
							properties.concurrency(), properties.batchSize(), properties.batchLinger());
				}
				consumers.addUnpartitioned(connectionFactory, queue, consumer, properties.prefetch(),
						properties.batchSize(), properties.batchLinger());
			}
			consumers.add(connectionFactory, queue.deadLetterQueue(),
					new DeadLetterDrain(queue.name(), deadLetterStore), 10, 1);
		});
		return consumers;
	}

	/**
	 * Shares the partitions with the service's other instances; inert where the service
	 * consumes no partition.
	 */
	@Bean
	PartitionBalancer fluxPartitionBalancer(EventConsumers consumers, FluxTopology topology, ServiceIdentity identity,
			DataSource dataSource, FluxEventsSchema schema, MembershipProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		String queue = topology.queueOf(identity.service())
			.map(ConsumerQueue::name)
			.orElse(identity.service() + ".service.queue");
		PartitionBalancer balancer = new PartitionBalancer(queue, PartitionBalancer.newInstanceId(),
				consumers.partitions(), new ConsumerMembers(new JdbcTemplate(dataSource)), properties,
				registry.getIfAvailable(SimpleMeterRegistry::new));
		consumers.balanceWith(balancer);
		return balancer;
	}

	@Bean
	PartitionsHealthIndicator partitionsHealthIndicator(PartitionBalancer balancer) {
		return new PartitionsHealthIndicator(balancer);
	}

	private static Map<String, EventHandler<?>> byType(EventCodec codec, List<EventHandler<?>> handlers) {
		Map<String, EventHandler<?>> byType = new HashMap<>();
		for (EventHandler<?> handler : handlers) {
			var type = codec.catalog().typeOf(handler.payloadType());
			EventHandler<?> previous = byType.put(EventConsumer.key(type.value(), type.version()), handler);
			if (previous != null) {
				throw new IllegalStateException("Two handlers for " + type.value() + " v" + type.version() + ": "
						+ previous.getClass().getName() + " and " + handler.getClass().getName());
			}
		}
		return byType;
	}

}
