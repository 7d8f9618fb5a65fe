package dev.flux.chat;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.testsupport.DatabaseOutageContract;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

/**
 * The chat-service (JDBC, no JPA) while its pool is exhausted: the list of the caller's
 * servers is answered 503, then as usual.
 */
class ChatServiceDatabaseOutageTests extends DatabaseOutageContract {

	private static final JwksServer AUTH = JwksServer.start();

	private static final TestTokens TOKENS = AUTH.newSigningKey();

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
	}

	@Override
	protected DatabaseRequest databaseRequest() {
		return new DatabaseRequest("GET", "/api/servers", null, TOKENS.accessToken(UUID.randomUUID(), "USER"), 200);
	}

}
