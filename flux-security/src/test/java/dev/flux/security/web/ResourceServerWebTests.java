package dev.flux.security.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
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
 * A resource server set up by {@link FluxResourceServer}, over HTTP: who gets through,
 * and the problem details of everyone who does not.
 */
@SpringBootTest(classes = TokenApi.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "flux.security.api.enabled=false")
class ResourceServerWebTests {

	private static final JwksServer AUTH = JwksServer.start();

	private static final TestTokens TOKENS = AUTH.newSigningKey();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
	}

	@AfterAll
	static void stopIssuer() {
		AUTH.close();
	}

	@Test
	void letsAValidTokenThroughAsItsUser() throws Exception {
		UUID userId = UUID.randomUUID();

		HttpResponse<String> response = Http.get(this.port, "/api/me", TOKENS.accessToken(userId, "USER"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.name")).isEqualTo(userId.toString());
		assertThat(JsonPath.<List<String>>read(response.body(), "$.authorities")).contains("ROLE_USER")
			.doesNotContain("ROLE_ADMIN");
	}

	@Test
	void answersAMissingTokenWithProblemDetails() throws Exception {
		HttpResponse<String> response = Http.get(this.port, "/api/me", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertProblem(response, 401, "Unauthorized", "/api/me");
	}

	@Test
	void answersAnInvalidTokenWithProblemDetailsThatNeverRepeatIt() throws Exception {
		String expired = TOKENS.token().expiresAt(Instant.now().minusSeconds(600)).sign();

		HttpResponse<String> response = Http.get(this.port, "/api/me", expired);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
		assertProblem(response, 401, "Unauthorized", "/api/me");
		assertThat(response.body()).doesNotContain(expired)
			.doesNotContain(expired.substring(0, expired.indexOf('.')))
			.doesNotContainIgnoringCase("expired at");
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("The access token is not valid or has expired.");
	}

	@Test
	void answersAMissingRoleWithProblemDetails() throws Exception {
		HttpResponse<String> member = Http.get(this.port, "/api/admin/ping",
				TOKENS.accessToken(UUID.randomUUID(), "USER"));
		HttpResponse<String> admin = Http.get(this.port, "/api/admin/ping",
				TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN"));

		assertThat(member.statusCode()).isEqualTo(403);
		assertThat(member.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"insufficient_scope\"");
		assertProblem(member, 403, "Forbidden", "/api/admin/ping");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).isEqualTo("pong");
	}

	@Test
	void keepsANotFoundUnderAValidTokenANotFound() throws Exception {
		assertThat(Http.get(this.port, "/api/nothing-here", TOKENS.accessToken(UUID.randomUUID(), "USER")).statusCode())
			.isEqualTo(404);
	}

	@Test
	void refusesEverythingOutsideTheApi() throws Exception {
		assertThat(Http.get(this.port, "/elsewhere", null).statusCode()).isEqualTo(401);
		assertThat(Http.get(this.port, "/elsewhere", TOKENS.accessToken(UUID.randomUUID(), "ADMIN")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void keepsNoSession() throws Exception {
		HttpResponse<String> response = Http.get(this.port, "/api/me", TOKENS.accessToken(UUID.randomUUID(), "USER"));

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	static void assertProblem(HttpResponse<String> response, int status, String title, String instance) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(response.body(), "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(response.body(), "$.type"))
			.isEqualTo("https://flux.dev/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
		assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo(instance);
		assertThat((String) JsonPath.read(response.body(), "$.detail")).isNotBlank();
	}

}
