package dev.flux.notification.gateway;

import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flux.events.topology.FluxTopology;
import dev.flux.notification.presence.Presence;

/**
 * This gateway instance: its name, its own queue on the event exchange, and the heartbeat
 * that tells other instances it is alive (and lets it end the sessions of those that are
 * not).
 */
@Component
class GatewayInstance {

	/**
	 * The events a gateway pushes to connected users. Never the sensitive ones: they
	 * carry secrets for email only. {@code typing.*} reaches the gateways only: it is
	 * published by gateways, for gateways.
	 */
	static final List<String> BINDING_KEYS = List.of("user.created", "user.updated", "user.deleted",
			"user.password_changed", "profile.*", "presence.*", "message.*", "server.*", "channel.*", "role.*",
			"typing.*", "relationship.*", "dm.*", "read_state.*");

	private final String id;

	private final GatewayProperties properties;

	private final Presence presence;

	GatewayInstance(GatewayProperties properties, Presence presence) {
		this.id = properties.instanceId().isBlank() ? UUID.randomUUID().toString().substring(0, 8)
				: properties.instanceId();
		this.properties = properties;
		this.presence = presence;
	}

	String id() {
		return this.id;
	}

	/**
	 * The instance's queue: inside the service's own names (its broker user may only
	 * touch {@code notification.service.*}), not durable, and deleted by the broker a
	 * minute after its instance stopped consuming.
	 */
	String queue() {
		return FluxTopology.GATEWAY_QUEUE_PREFIX + this.id;
	}

	@Scheduled(fixedDelayString = "${flux.notification.gateway.instance-heartbeat:10s}")
	void heartbeat() {
		this.presence.heartbeat(this.id);
		this.presence.sweepSilentInstances(this.properties.instanceSilence());
	}

}
