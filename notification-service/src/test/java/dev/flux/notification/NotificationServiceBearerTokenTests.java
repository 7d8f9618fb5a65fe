package dev.flux.notification;

import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.BearerTokenContract;

/**
 * Its own context: the event consumer stays off so the shared test context handles every
 * event.
 */
@TestPropertySource(properties = "flux.events.consumer.enabled=false")
class NotificationServiceBearerTokenTests extends BearerTokenContract {

}
