package dev.flux.user;

import dev.flux.testsupport.BrokerOutageContract;

class UserServiceBrokerOutageTests extends BrokerOutageContract {

}
