package dev.flux.user;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.BearerTokenContract;

/**
 * Without a consumer: only the event tests' context takes from the user queue, so they
 * see what they caused.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class UserServiceBearerTokenTests extends BearerTokenContract {

}
