package dev.flux.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health details (database, broker, disk, outbox counts) are for operators only, on the
 * management port.
 */
class HealthDetailsTests extends NotificationServiceTest {

	@LocalManagementPort
	private int managementPort;

	@Test
	void showsHealthDetailsToAdminsOnly() {
		String member = TOKENS.accessToken(UUID.randomUUID(), "USER");
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");

		assertThat(new Http(this.managementPort).get("/actuator/health", member).body()).contains("\"db\"")
			.doesNotContain("PostgreSQL");
		assertThat(new Http(this.managementPort).get("/actuator/health", admin).body()).contains("PostgreSQL");
	}

}
