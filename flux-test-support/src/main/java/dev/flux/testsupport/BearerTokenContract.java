package dev.flux.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Flux resource server promises about access tokens: {@code /api/**} needs a
 * valid one and refuses with problem details otherwise, the probes stay public, nothing
 * else is served, and the admin API takes the token's ADMIN role. The service trusts a
 * {@link JwksServer} of the test, as it trusts auth-service in production.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
public abstract class BearerTokenContract {

	private static final JwksServer AUTH = JwksServer.start();

	private static final TestTokens TOKENS = AUTH.newSigningKey();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
	}

	@Test
	void refusesApiCallsWithoutATokenWithProblemDetails() throws Exception {
		HttpResponse<String> response = get("/api/anything", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(401);
	}

	@Test
	void refusesAnInvalidTokenWithoutRepeatingIt() throws Exception {
		String expired = TOKENS.token().expiresAt(Instant.now().minusSeconds(600)).sign();
		String foreign = TestTokens.generate(AUTH.issuer()).token().sign();

		for (String token : new String[] { expired, foreign }) {
			HttpResponse<String> response = get("/api/anything", token);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
			assertThat(response.body()).contains("\"status\":401").doesNotContain(token).doesNotContain("expired at");
		}
	}

	@Test
	void letsAValidTokenThroughToTheApi() throws Exception {
		HttpResponse<String> response = get("/api/anything", TOKENS.accessToken(UUID.randomUUID(), "USER"));

		assertThat(response.statusCode()).as("authenticated, and no such endpoint").isEqualTo(404);
	}

	@Test
	void takesAServiceTokenForNoDeletedAccount() throws Exception {
		String service = TOKENS.token().subject("notification-service").sign();

		assertThat(get("/api/anything", service).statusCode()).as("authenticated, and no such endpoint").isEqualTo(404);
	}

	@Test
	void keepsTheProbesPublic() throws Exception {
		assertThat(get("/livez", null).statusCode()).isEqualTo(200);
		assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
	}

	@Test
	void servesNothingOutsideTheApiEvenWithAToken() throws Exception {
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics", TOKENS.accessToken(UUID.randomUUID(), "USER")).statusCode()).isEqualTo(403);
		assertThat(get("/elsewhere", TOKENS.accessToken(UUID.randomUUID(), "USER")).statusCode()).isEqualTo(403);
	}

	@Test
	void guardsTheAdminApiWithTheTokensAdminRole() throws Exception {
		HttpResponse<String> member = get("/admin/outbox", TOKENS.accessToken(UUID.randomUUID(), "USER"));
		HttpResponse<String> admin = get("/admin/outbox", TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN"));

		assertThat(get("/admin/outbox", null).statusCode()).isEqualTo(401);
		assertThat(member.statusCode()).isEqualTo(403);
		assertThat(member.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(admin.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws IOException, InterruptedException {
		return LocalHttp.get(this.port, path, token);
	}

}
