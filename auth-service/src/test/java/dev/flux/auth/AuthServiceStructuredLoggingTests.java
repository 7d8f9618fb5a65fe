package dev.flux.auth;

import dev.flux.testsupport.StructuredLoggingContract;

class AuthServiceStructuredLoggingTests extends StructuredLoggingContract {

	@Override
	protected Class<?> application() {
		return AuthServiceApplication.class;
	}

	@Override
	protected String serviceName() {
		return "auth-service";
	}

}
