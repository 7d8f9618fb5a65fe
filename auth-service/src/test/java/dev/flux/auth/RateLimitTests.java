package dev.flux.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.flux.testsupport.WithFluxInfrastructure;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client rate limit, with a small bucket so a test can empty it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flux.auth.rate-limit.capacity=3", "flux.auth.rate-limit.per-minute=1" })
@WithFluxInfrastructure
class RateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void answers429WithRetryAfterOnceAClientUsesItsBucket() {
		Http http = new Http(this.port);
		for (int i = 0; i < 3; i++) {
			assertThat(http.post("/api/auth/password/forgot", Map.of("email", "someone@example.com")).status())
				.isEqualTo(202);
		}

		Http.Reply limited = http.post("/api/auth/login", Map.of("login", "someone", "password", "whatever-it-is"));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(http.get("/.well-known/jwks.json", null).status()).as("other endpoints are not limited")
			.isEqualTo(200);
	}

}
