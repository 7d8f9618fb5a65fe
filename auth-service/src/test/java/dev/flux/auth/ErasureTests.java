package dev.flux.auth;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.testsupport.Http;
import dev.flux.testsupport.PersonalDataScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deleting an account erases the person from the auth-service's database, its outbox log
 * and dead letters included, and refuses the account's still-valid access tokens at once.
 */
class ErasureTests extends AuthServiceTest {

	@Autowired
	DataSource dataSource;

	@Test
	void deletionLeavesNoNameOrAddressInAnyTableAndRefusesTheTokens() {
		Account account = register();
		String renamed = account.username() + "x";
		String newEmail = "moved-" + account.username() + "@example.org";
		assertThat(this.http.patch("/api/auth/me", Map.of("username", renamed), account.accessToken()).status())
			.isEqualTo(200);
		assertThat(this.http
			.patch("/api/auth/me", Map.of("email", newEmail, "currentPassword", PASSWORD), account.accessToken())
			.status()).isEqualTo(200);
		String[] personal = { account.username(), renamed, account.email(), newEmail };
		awaitPublished(account);
		assertThat(new PersonalDataScan(this.dataSource).find(personal)).as("before the deletion")
			.anyMatch((hit) -> hit.startsWith("flux_events.outbox_events.envelope"));

		assertThat(this.http.delete("/api/auth/me", Map.of("password", PASSWORD), account.accessToken()).status())
			.isEqualTo(204);

		Http.Reply me = this.http.get("/api/auth/me", account.accessToken());
		assertThat(me.status()).as("the token of a deleted account is refused").isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
		assertThat(this.http.get("/api/auth/sessions", account.accessToken()).status()).isEqualTo(401);
		awaitPublished(account);
		assertThat(new PersonalDataScan(this.dataSource).find(personal)).isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT event_type FROM flux_events.outbox_events WHERE aggregate_id = ? ORDER BY id""")
			.param(account.id().toString())
			.query(String.class)
			.list()).as("ids, types and versions stay for ordering")
			.contains("user.created", "user.updated", "user.email_changed", "user.deleted");
	}

	private void awaitPublished(Account account) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql(
					"SELECT count(*) FROM flux_events.outbox_event_status WHERE aggregate_id = ? AND status <> 'PUBLISHED'")
				.param(account.id().toString())
				.query(Long.class)
				.single(), (pending) -> pending == 0);
	}

}
