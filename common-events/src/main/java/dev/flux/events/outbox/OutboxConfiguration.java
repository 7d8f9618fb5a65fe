package dev.flux.events.outbox;

import java.time.Clock;

import java.util.List;

import javax.sql.DataSource;

import com.rabbitmq.client.Address;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.events.tracing.EventTraces;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.schema.FluxEventsSchema;
import dev.flux.events.topology.ServiceIdentity;

/**
 * The outbox and its relay for a service; imported by the Flux events auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean(destroyMethod = "close")
	CommitNotifier fluxOutboxCommitNotifier(DataSource dataSource, FluxEventsSchema schema) {
		return new CommitNotifier(new JdbcTemplate(dataSource));
	}

	@Bean
	OutboxStore fluxOutboxStore(DataSource dataSource, CommitNotifier notifier) {
		return new OutboxStore(new JdbcTemplate(dataSource), notifier);
	}

	@Bean
	Outbox fluxOutbox(OutboxStore store, EventCodec codec, ServiceIdentity identity,
			ObjectProvider<EventTraces> traces) {
		JdbcOutbox outbox = new JdbcOutbox(store, codec, codec.catalog(), identity.producer(), Clock.systemUTC());
		outbox.traces(traces.getIfAvailable(() -> EventTraces.NONE));
		return outbox;
	}

	@Bean
	OutboxMetrics fluxOutboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxStore store) {
		return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), store);
	}

	@Bean(destroyMethod = "close")
	OutboxPublisher fluxOutboxPublisher(CachingConnectionFactory connectionFactory, OutboxProperties properties,
			ServiceIdentity identity, ObjectProvider<RabbitConnectionDetails> connectionDetails,
			ObjectProvider<EventTraces> traces) {
		// Every node of spring.rabbitmq.addresses, like the listeners: the rabbit
		// connection
		// factory alone knows only the first, so the relay stalled while that node was
		// down
		// (found by the system tests' broker-node fault).
		List<Address> addresses = connectionDetails.stream()
			.flatMap((details) -> details.getAddresses().stream())
			.map((address) -> new Address(address.host(), address.port()))
			.toList();
		OutboxPublisher publisher = new OutboxPublisher(connectionFactory.getRabbitConnectionFactory(), addresses,
				identity.producer(), properties.confirmTimeout());
		publisher.traces(traces.getIfAvailable(() -> EventTraces.NONE));
		return publisher;
	}

	@Bean
	OutboxRelay fluxOutboxRelay(OutboxStore store, OutboxPublisher publisher, DataSource dataSource,
			OutboxProperties properties, OutboxMetrics metrics, ServiceIdentity identity,
			ObjectProvider<RelayObserver> observer) {
		OutboxRelay relay = new OutboxRelay(store, publisher, new RelayLeadership(dataSource, identity.service()),
				properties, metrics, observer.getIfAvailable(() -> RelayObserver.NONE));
		relay.setAutoStartup(properties.enabled());
		return relay;
	}

	@Bean
	OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay, OutboxMetrics metrics) {
		return new OutboxHealthIndicator(relay, metrics);
	}

	@Bean
	OutboxAdministration fluxOutboxAdministration(OutboxStore store, OutboxPublisher publisher) {
		return new OutboxAdministration(store, publisher);
	}

}
