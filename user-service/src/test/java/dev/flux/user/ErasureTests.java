package dev.flux.user;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.UserDeleted;
import dev.flux.testsupport.PersonalDataScan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code user.deleted} erases the person from the user-service: profile, settings,
 * activities, and the payloads of the {@code profile.updated} events its outbox log keeps
 * for replay; the user's token is refused from then on.
 */
class ErasureTests extends UserServiceTest {

	@Autowired
	DataSource dataSource;

	@Test
	void deletionLeavesNoNameBioStatusOrActivityInAnyTableAndRefusesTheToken() {
		User user = newUser();
		String displayName = "Ada " + user.username().substring(1, 7);
		String bio = "Bio of " + user.username();
		String status = "Computing " + user.username();
		String game = "Chess with " + user.username();
		assertThat(this.http.patch("/api/users/me/profile",
				Map.of("displayName", displayName, "bio", bio, "customStatus", Map.of("text", status)), user.token())
			.status()).isEqualTo(200);
		assertThat(this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", game), user.token())
			.status()).isEqualTo(201);
		String[] personal = { user.username(), user.username() + "@example.com", displayName, bio, status, game };
		await().atMost(PATIENCE).until(() -> published(user) && !scan(personal).isEmpty());
		assertThat(scan(personal)).as("before the deletion")
			.anyMatch((hit) -> hit.startsWith("flux_events.outbox_events.envelope"));

		EventEnvelope deleted = publish(new UserDeleted(user.id()), user.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		assertThat(this.http.get("/api/users/me", user.token()).status()).isEqualTo(401);
		assertThat(this.http.get("/api/users/me/settings", user.token()).status()).isEqualTo(401);
		await().atMost(PATIENCE).until(() -> published(user));
		assertThat(scan(personal)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from deleted_users where user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single()).as("the tombstone stays").isOne();
	}

	private java.util.List<String> scan(String... words) {
		return new PersonalDataScan(this.dataSource).find(words);
	}

	private boolean published(User user) {
		return this.jdbc.sql(
				"select count(*) from flux_events.outbox_event_status where aggregate_id = ? and status <> 'PUBLISHED'")
			.param(user.id().toString())
			.query(Long.class)
			.single() == 0;
	}

}
