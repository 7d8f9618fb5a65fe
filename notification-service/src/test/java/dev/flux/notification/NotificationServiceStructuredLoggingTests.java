package dev.flux.notification;

import dev.flux.testsupport.StructuredLoggingContract;

class NotificationServiceStructuredLoggingTests extends StructuredLoggingContract {

	@Override
	protected Class<?> application() {
		return NotificationServiceApplication.class;
	}

	@Override
	protected String serviceName() {
		return "notification-service";
	}

}
