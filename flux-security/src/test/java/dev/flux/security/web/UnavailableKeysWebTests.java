package dev.flux.security.web;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource server whose issuer is down: it started all the same, and answers tokens it
 * cannot check with 503, so clients keep them and try again, not with 401.
 */
@SpringBootTest(classes = TokenApi.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "flux.security.api.enabled=false")
class UnavailableKeysWebTests {

	private static final TestTokens TOKENS;

	static {
		try (JwksServer gone = JwksServer.start()) {
			TOKENS = gone.newSigningKey();
		}
	}

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void trustAnIssuerThatIsDown(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", TOKENS::issuer);
	}

	@Test
	void answersTokensItCannotCheckWithServiceUnavailable() throws Exception {
		HttpResponse<String> response = Http.get(this.port, "/api/me", TOKENS.accessToken(UUID.randomUUID(), "USER"));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		ResourceServerWebTests.assertProblem(response, 503, "Service Unavailable", "/api/me");
	}

	@Test
	void stillAnswersMissingTokensWithUnauthorized() throws Exception {
		assertThat(Http.get(this.port, "/api/me", null).statusCode()).isEqualTo(401);
	}

}
