package dev.flux.notification;

import dev.flux.testsupport.BrokerOutageContract;

class NotificationServiceBrokerOutageTests extends BrokerOutageContract {

}
