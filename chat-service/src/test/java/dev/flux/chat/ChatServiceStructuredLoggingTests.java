package dev.flux.chat;

import dev.flux.testsupport.StructuredLoggingContract;

class ChatServiceStructuredLoggingTests extends StructuredLoggingContract {

	@Override
	protected Class<?> application() {
		return ChatServiceApplication.class;
	}

	@Override
	protected String serviceName() {
		return "chat-service";
	}

}
