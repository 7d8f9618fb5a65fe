package dev.flux.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/**
 * The operators' API of the event runtime, behind an access token with the ADMIN role.
 */
class AdminApiTests extends AuthServiceTest {

	@Test
	void needsAnAccessTokenWithTheAdminRole() {
		Account member = register();
		String adminToken = operatorToken();

		assertThat(this.http.get("/admin/outbox", null).status()).isEqualTo(401);
		Http.Reply forbidden = this.http.get("/admin/outbox", member.accessToken());
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).startsWith("application/problem+json");
		Http.Reply backlog = this.http.get("/admin/outbox", adminToken);
		assertThat(backlog.status()).isEqualTo(200);
		assertThat(backlog.map()).containsKey("pending");
		assertThat(this.http.get("/admin/dead-letters", adminToken).status()).isEqualTo(200);
		assertThat(this.http.post("/admin/dead-letters/replay", Map.of(), member.accessToken()).status())
			.isEqualTo(403);
	}

	@Test
	void operatorsRotateTheSigningKeyOnDemand() {
		Account member = register();
		String adminToken = operatorToken();

		assertThat(this.http.post("/admin/signing-keys/rotate", Map.of(), member.accessToken()).status())
			.isEqualTo(403);
		Http.Reply rotated = this.http.post("/admin/signing-keys/rotate", Map.of(), adminToken);

		assertThat(rotated.status()).isEqualTo(200);
		String kid = rotated.json("$.kid");
		assertThat(this.http.get("/.well-known/jwks.json", null).<java.util.List<String>>json("$.keys[*].kid"))
			.contains(kid);
		assertThat(this.http.get("/api/auth/me", adminToken).status()).as("tokens of the previous key still work")
			.isEqualTo(200);
	}

	@Test
	void operatorsEndEverySessionOfAUser() {
		Account user = register();
		String second = login(user.email(), PASSWORD).json("$.refreshToken");
		String adminToken = operatorToken();

		assertThat(this.http.delete("/admin/users/" + user.id() + "/sessions", null, user.accessToken()).status())
			.as("not for users")
			.isEqualTo(403);
		Http.Reply ended = this.http.delete("/admin/users/" + user.id() + "/sessions", null, adminToken);

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.<Integer>json("$.revoked")).isEqualTo(2);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", user.refreshToken())).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", second)).status()).isEqualTo(401);
		assertThat(this.http.delete("/admin/users/" + java.util.UUID.randomUUID() + "/sessions", null, adminToken)
			.status()).isEqualTo(404);
	}

	@Test
	void operatorsUnlockAnAccount() {
		Account user = register();
		String adminToken = operatorToken();
		for (int failures = 0; failures < 10; failures++) {
			this.jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE subject = ?")
				.param("account:" + user.id())
				.update();
			assertThat(login(user.email(), "wrong password " + failures).status()).isEqualTo(401);
		}
		assertThat(login(user.email(), PASSWORD).status()).as("locked").isEqualTo(429);

		assertThat(this.http.delete("/admin/users/" + user.id() + "/lock", null, user.accessToken()).status())
			.as("not for users")
			.isEqualTo(403);
		assertThat(this.http.delete("/admin/users/" + user.id() + "/lock", null, adminToken).status()).isEqualTo(204);

		assertThat(login(user.email(), PASSWORD).status()).as("unlocked").isEqualTo(200);
	}

	private String operatorToken() {
		Account operator = register();
		this.jdbc.sql("UPDATE users SET roles = 'USER ADMIN' WHERE id = ?").param(operator.id()).update();
		return login(operator.email(), PASSWORD).json("$.accessToken");
	}

}
