package dev.flux.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health details (database, broker, disk, outbox counts) are for operators only, on the
 * management port.
 */
class HealthDetailsTests extends AuthServiceTest {

	@LocalManagementPort
	private int managementPort;

	@Test
	void showsHealthDetailsToAdminsOnly() {
		Account member = register();
		Account operator = register();
		this.jdbc.sql("UPDATE users SET roles = 'USER ADMIN' WHERE id = ?").param(operator.id()).update();
		String adminToken = login(operator.email(), PASSWORD).json("$.accessToken");

		assertThat(new Http(this.managementPort).get("/actuator/health", member.accessToken()).body())
			.contains("\"db\"")
			.doesNotContain("PostgreSQL");
		assertThat(new Http(this.managementPort).get("/actuator/health", adminToken).body()).contains("PostgreSQL");
	}

}
