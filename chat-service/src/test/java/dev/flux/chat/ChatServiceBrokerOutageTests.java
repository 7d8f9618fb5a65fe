package dev.flux.chat;

import dev.flux.testsupport.BrokerOutageContract;

class ChatServiceBrokerOutageTests extends BrokerOutageContract {

}
