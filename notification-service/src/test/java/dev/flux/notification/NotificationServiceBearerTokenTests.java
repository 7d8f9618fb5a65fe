package dev.flux.notification;

import dev.flux.testsupport.BearerTokenContract;

class NotificationServiceBearerTokenTests extends BearerTokenContract {

}
