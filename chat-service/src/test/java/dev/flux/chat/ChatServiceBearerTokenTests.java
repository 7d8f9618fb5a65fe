package dev.flux.chat;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.BearerTokenContract;

/**
 * Without a consumer: only the event tests' context takes from the chat queue, so they
 * see what they caused.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class ChatServiceBearerTokenTests extends BearerTokenContract {

}
