package dev.flux.auth;

import java.util.List;
import java.util.Map;

import dev.flux.testsupport.ProblemShapeContract;

/**
 * The auth-service's refusals of malformed input, in the shape every service answers
 * with, on its public endpoints and on those that need a token.
 */
class AuthServiceProblemTests extends AuthServiceTest implements ProblemShapeContract {

	private Account account;

	@Override
	public List<JsonEndpoint> jsonEndpoints() {
		String token = signedIn().accessToken();
		return List.of(
				new JsonEndpoint("POST", "/api/auth/register",
						Map.of("email", "new@example.com", "username", "newcomer", "password", PASSWORD),
						List.of("email", "username", "password"), null),
				new JsonEndpoint("POST", "/api/auth/login", Map.of("login", "someone", "password", PASSWORD),
						List.of("login", "password"), null),
				new JsonEndpoint("POST", "/api/auth/logout", Map.of("refreshToken", "r"), List.of("refreshToken"),
						null),
				new JsonEndpoint("POST", "/api/auth/password/forgot", Map.of("email", "a@example.com"),
						List.of("email"), null),
				new JsonEndpoint("PATCH", "/api/auth/me", Map.of("username", "renamed"), List.of(), token),
				new JsonEndpoint("DELETE", "/api/auth/me", Map.of("password", PASSWORD), List.of("password"), token));
	}

	@Override
	public List<PagedEndpoint> pagedEndpoints() {
		return List.of();
	}

	@Override
	public QueryEndpoint queryEndpoint() {
		return new QueryEndpoint("/api/auth/sessions", "after", signedIn().accessToken());
	}

	private Account signedIn() {
		if (this.account == null) {
			this.account = register();
		}
		return this.account;
	}

}
