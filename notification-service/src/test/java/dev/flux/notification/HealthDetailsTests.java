package dev.flux.notification;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health details (database, broker, disk, outbox counts) are for operators only. */
class HealthDetailsTests extends NotificationServiceTest {

	@Test
	void showsHealthDetailsToAdminsOnly() {
		String member = TOKENS.accessToken(UUID.randomUUID(), "USER");
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");

		assertThat(this.http.get("/actuator/health", member).body()).contains("\"db\"").doesNotContain("PostgreSQL");
		assertThat(this.http.get("/actuator/health", admin).body()).contains("PostgreSQL");
	}

}
