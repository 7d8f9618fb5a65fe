package dev.flux.auth;

import dev.flux.testsupport.BrokerOutageContract;

class AuthServiceBrokerOutageTests extends BrokerOutageContract {

}
