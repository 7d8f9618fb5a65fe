package dev.flux.notification;

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

}
