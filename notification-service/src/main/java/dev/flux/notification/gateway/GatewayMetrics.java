package dev.flux.notification.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The gateway's meters: open sockets ({@code flux.gateway.connections}) and identified
 * sessions ({@code flux.gateway.sessions}, resumable ones included) of this instance.
 */
@Component
class GatewayMetrics implements MeterBinder {

	private final Sessions sessions;

	GatewayMetrics(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("flux.gateway.connections", this.sessions, Sessions::connectionCount)
			.description("WebSocket connections open on this instance")
			.register(registry);
		Gauge.builder("flux.gateway.sessions", this.sessions, Sessions::sessionCount)
			.description(
					"Gateway sessions of identified users on this instance, detached ones awaiting resume included")
			.register(registry);
	}

}
