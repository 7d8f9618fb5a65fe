package dev.flux.user;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.testsupport.DatabaseOutageContract;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

/**
 * The user-service while its pool is exhausted: a profile read is answered 503 (by the
 * bearer token's deleted-accounts check, the first to need a connection), then as usual.
 */
class UserServiceDatabaseOutageTests extends DatabaseOutageContract {

	private static final JwksServer AUTH = JwksServer.start();

	private static final TestTokens TOKENS = AUTH.newSigningKey();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
	}

	@Override
	protected DatabaseRequest databaseRequest() {
		return new DatabaseRequest("GET", "/api/users/" + UUID.randomUUID(), null,
				TOKENS.accessToken(UUID.randomUUID(), "USER"), 404);
	}

}
