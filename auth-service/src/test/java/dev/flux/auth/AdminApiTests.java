package dev.flux.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' API of the event runtime, behind an access token with the ADMIN role.
 */
class AdminApiTests extends AuthServiceTest {

	@Test
	void needsAnAccessTokenWithTheAdminRole() {
		Account member = register();
		Account operator = register();
		this.jdbc.sql("UPDATE users SET roles = 'USER ADMIN' WHERE id = ?").param(operator.id()).update();
		String adminToken = login(operator.email(), PASSWORD).json("$.accessToken");

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

}
