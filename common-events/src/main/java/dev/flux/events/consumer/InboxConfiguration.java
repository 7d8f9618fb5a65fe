package dev.flux.events.consumer;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.flux.events.outbox.OutboxProperties;
import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;
import dev.flux.events.topology.ServiceIdentity;

/**
 * The purge of a service's inbox; imported by the Flux events auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ InboxProperties.class, OutboxProperties.class })
public class InboxConfiguration {

	@Bean
	InboxPurge fluxInboxPurge(InboxStore store, InboxProperties properties, OutboxProperties outbox,
			FluxTopology topology, ServiceIdentity identity) {
		// The tiers the service's queue really has: the topology may set its own.
		properties.requireCovering(outbox.retention(),
				topology.queueOf(identity.service()).map(ConsumerQueue::retryTiers).orElse(List.of()));
		return new InboxPurge(store, properties);
	}

}
