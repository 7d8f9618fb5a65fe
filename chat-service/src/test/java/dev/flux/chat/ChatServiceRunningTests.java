package dev.flux.chat;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.RunningServiceContract;

/**
 * Without a consumer: only the event tests' context takes from the chat queue, so they
 * see what they caused.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class ChatServiceRunningTests extends RunningServiceContract {

	@Override
	protected String database() {
		return "flux_chat";
	}

}
