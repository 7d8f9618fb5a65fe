package dev.flux.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health details (database, broker, disk, outbox counts) are for operators only. */
class HealthDetailsTests extends AuthServiceTest {

	@Test
	void showsHealthDetailsToAdminsOnly() {
		Account member = register();
		Account operator = register();
		this.jdbc.sql("UPDATE users SET roles = 'USER ADMIN' WHERE id = ?").param(operator.id()).update();
		String adminToken = login(operator.email(), PASSWORD).json("$.accessToken");

		assertThat(this.http.get("/actuator/health", member.accessToken()).body()).contains("\"db\"")
			.doesNotContain("PostgreSQL");
		assertThat(this.http.get("/actuator/health", adminToken).body()).contains("PostgreSQL");
	}

}
