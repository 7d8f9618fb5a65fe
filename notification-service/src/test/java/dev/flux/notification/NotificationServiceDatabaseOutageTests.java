package dev.flux.notification;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.testsupport.DatabaseOutageContract;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The notification-service while its pool is exhausted, as 1,000 gateway handshakes at
 * once left it: the API and the handshake answer 503, never 500. Both fail in the bearer
 * token's deleted-accounts check, a servlet filter, before any controller.
 */
class NotificationServiceDatabaseOutageTests extends DatabaseOutageContract {

	private static final JwksServer AUTH = JwksServer.start();

	private static final TestTokens TOKENS = AUTH.newSigningKey();

	private final String token = TOKENS.accessToken(UUID.randomUUID(), "USER");

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
	}

	@Override
	protected DatabaseRequest databaseRequest() {
		return new DatabaseRequest("GET", "/api/notifications", null, this.token, 200);
	}

	@Test
	void refusesTheHandshakeWith503WhileThePoolIsExhaustedThenOpensOnceItFrees() {
		exhaustPool();

		Throwable refused = catchThrowable(
				() -> WsClient.connect(this.port, Map.of("Authorization", "Bearer " + this.token)));

		assertThat(refused).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(WebSocketHandshakeException.class);
		var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(seconds).matches("[1-9][0-9]*"));
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		freePool();
		try (WsClient client = WsClient.connect(this.port, this.token)) {
			assertThat(client).as("the handshake succeeded").isNotNull();
		}
	}

}
