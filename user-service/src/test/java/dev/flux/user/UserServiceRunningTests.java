package dev.flux.user;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.RunningServiceContract;

/**
 * Without a consumer: only the event tests' context takes from the user queue, so they
 * see what they caused.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class UserServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_user";
	}

}
