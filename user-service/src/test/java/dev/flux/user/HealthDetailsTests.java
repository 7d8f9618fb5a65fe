package dev.flux.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health details (database, broker, disk, outbox counts) are for operators only. */
class HealthDetailsTests extends UserServiceTest {

	@Test
	void showsHealthDetailsToAdminsOnly() {
		String member = TOKENS.accessToken(UUID.randomUUID(), "USER");
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");

		assertThat(this.http.get("/actuator/health", member).body()).contains("\"db\"").doesNotContain("PostgreSQL");
		assertThat(this.http.get("/actuator/health", admin).body()).contains("PostgreSQL");
	}

}
