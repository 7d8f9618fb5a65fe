package dev.flux.user;

import dev.flux.testsupport.StructuredLoggingContract;

class UserServiceStructuredLoggingTests extends StructuredLoggingContract {

	@Override
	protected Class<?> application() {
		return UserServiceApplication.class;
	}

	@Override
	protected String serviceName() {
		return "user-service";
	}

}
