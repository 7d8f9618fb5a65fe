package dev.flux.notification;

import java.util.Set;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.RunningServiceContract;

/**
 * Its own context: the event consumer stays off so the shared test context handles every
 * event.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class NotificationServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_notification";
	}

	@Override
	protected Set<String> ownMeters() {
		return Set.of("flux_gateway_connections", "flux_gateway_sessions", "resilience4j_circuitbreaker_state",
				"resilience4j_retry_calls_total");
	}

}
