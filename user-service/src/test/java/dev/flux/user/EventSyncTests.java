package dev.flux.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetter;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.contract.PresenceUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The profiles follow auth-service's account events and the gateway's presence, whatever
 * the order and however often they are delivered.
 */
class EventSyncTests extends UserServiceTest {

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	MeterRegistry meters;

	@Test
	void userCreatedGivesAProfileNamedAfterTheUsernameAndDefaultSettings() {
		User user = newUser();

		Http.Reply me = this.http.get("/api/users/me", user.token());
		assertThat(me.<String>json("$.username")).isEqualTo(user.username());
		assertThat(me.<String>json("$.displayName")).isEqualTo(user.username());
		assertThat(me.<String>json("$.status")).isEqualTo("offline");
		Http.Reply settings = this.http.get("/api/users/me/settings", user.token());
		assertThat(settings.map()).containsEntry("theme", "dark")
			.containsEntry("language", "en")
			.containsEntry("notificationsEnabled", true)
			.containsEntry("showOnlineStatus", true)
			.containsEntry("allowDirectMessages", true);
	}

	@Test
	void twoRenamesDeliveredInReverseOrderEndWithTheLatestName() {
		User user = newUser();

		EventEnvelope latest = publish(updated(user.id(), "latest_" + suffix()), user.id(), 3);
		EventEnvelope older = publish(updated(user.id(), "older_" + suffix()), user.id(), 2);

		await().atMost(PATIENCE).until(() -> handled(latest.eventId()) && handled(older.eventId()));
		Http.Reply me = this.http.get("/api/users/me", user.token());
		assertThat(me.<String>json("$.username")).startsWith("latest_");
		assertThat(me.<String>json("$.displayName")).as("follows the username").startsWith("latest_");
	}

	@Test
	void aDuplicateDeliveryHasOneEffect() {
		User user = newUser();
		try (EventTap tap = tap(user.id())) {
			EventEnvelope rename = publish(updated(user.id(), "renamed_" + suffix()), user.id(), 2);
			long version = await().atMost(PATIENCE).until(() -> profileVersion(user.id()), (v) -> v == 2);
			double duplicatesBefore = duplicates();

			send(rename.type(), this.codec.toJson(rename), rename.eventId());
			send(rename.type(), this.codec.toJson(rename), rename.eventId());
			await().atMost(PATIENCE).until(() -> duplicates() - duplicatesBefore >= 2);

			assertThat(profileVersion(user.id())).isEqualTo(version);
			tap.atLeast(1);
			assertThat(tap.all(Duration.ofMillis(500))).as("one profile.updated for the display name").hasSize(1);
		}
	}

	@Test
	void anEventForAUserNotCreatedYetIsRetriedAndAppliesOnceTheUserExists() {
		UUID id = UUID.randomUUID();
		double retriedBefore = retried();

		EventEnvelope early = publish(
				new UserUpdated(id, Set.of("username"), "early_" + suffix(), "e@example.com", false), id, 2);
		await().atMost(PATIENCE).until(() -> retried() > retriedBefore);
		assertThat(handled(early.eventId())).isFalse();
		publish(new UserCreated(id, "first_" + suffix(), "e@example.com", false), id, 1);

		String token = TOKENS.accessToken(id, "USER");
		await().atMost(Duration.ofSeconds(40))
			.until(() -> this.http.get("/api/users/me", token),
					(me) -> me.status() == 200 && me.<String>json("$.username").startsWith("early_"));
		assertThat(handled(early.eventId())).isTrue();
	}

	@Test
	void userDeletedRemovesProfileSettingsAndActivitiesAndLateEventsAreDropped() {
		User user = newUser();
		this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", "Chess"), user.token());
		this.http.patch("/api/users/me/settings", Map.of("theme", "light"), user.token());

		EventEnvelope deleted = publish(new UserDeleted(user.id()), user.id(), 3);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		assertThat(this.http.get("/api/users/me", user.token()).status()).as("the deleted user's token is refused")
			.isEqualTo(401);
		assertThat(this.http.get("/api/users/" + user.id(), newUser().token()).status()).isEqualTo(404);
		for (String table : new String[] { "user_profiles", "user_settings", "user_activities" }) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " where user_id = ?")
				.param(user.id())
				.query(Long.class)
				.single()).as(table).isZero();
		}
		EventEnvelope late = publish(updated(user.id(), "ghost_" + suffix()), user.id(), 2);
		EventEnvelope presence = publish(new PresenceUpdated(user.id(), "online"), user.id(), 1);
		await().atMost(PATIENCE).until(() -> handled(late.eventId()) && handled(presence.eventId()));
		assertThat(this.jdbc.sql("select count(*) from user_profiles where user_id = ?")
			.param(user.id())
			.query(Long.class)
			.single()).as("not brought back").isZero();
	}

	@Test
	void presenceSetsTheStatusIgnoringStaleSequences() {
		User user = newUser();

		publish(new PresenceUpdated(user.id(), "online"), user.id(), 5);
		await().atMost(PATIENCE).until(() -> status(user), "online"::equals);
		EventEnvelope stale = publish(new PresenceUpdated(user.id(), "offline"), user.id(), 4);
		await().atMost(PATIENCE).until(() -> handled(stale.eventId()));

		assertThat(status(user)).isEqualTo("online");
		assertThat(this.http.get("/api/users/" + user.id(), TOKENS.accessToken(UUID.randomUUID()))
			.<String>json("$.status")).isEqualTo("online");
		publish(new PresenceUpdated(user.id(), "offline"), user.id(), 6);
		await().atMost(PATIENCE).until(() -> status(user), "offline"::equals);
	}

	@Test
	void presenceDoesNotOverrideAStatusTheUserChose() {
		User user = newUser();
		this.http.put("/api/users/me/status", Map.of("status", "dnd"), user.token());

		EventEnvelope online = publish(new PresenceUpdated(user.id(), "online"), user.id(), 1);
		await().atMost(PATIENCE).until(() -> handled(online.eventId()));
		assertThat(status(user)).isEqualTo("dnd");
		assertThat(this.http.get("/api/users/me", user.token()).<String>json("$.presence")).isEqualTo("online");

		this.http.delete("/api/users/me/status", null, user.token());
		assertThat(status(user)).as("follows presence again").isEqualTo("online");
	}

	@Test
	void eventsThatCanNeverApplyGoToTheDeadLetterQueueAndTheConsumerGoesOn() {
		User user = newUser();
		UUID other = UUID.randomUUID();
		EventEnvelope mismatched = publish(updated(other, "mismatch_" + suffix()), user.id(), 2);
		UUID badId = UUID.randomUUID();
		String badPresence = new String(
				this.codec.toJson(envelopeOf(new PresenceUpdated(user.id(), "online"), user.id(), badId)),
				StandardCharsets.UTF_8)
			.replace("\"status\":\"online\"", "\"status\":\"away\"");
		send("presence.updated", badPresence.getBytes(StandardCharsets.UTF_8), badId);
		send("user.updated", "{ not json".getBytes(StandardCharsets.UTF_8), UUID.randomUUID());

		DeadLetter first = await().atMost(PATIENCE)
			.until(() -> deadLetter(mismatched.eventId()), (letter) -> letter != null);
		DeadLetter second = await().atMost(PATIENCE).until(() -> deadLetter(badId), (letter) -> letter != null);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.errorMessage()).contains("names user " + other);
		assertThat(second.attempts()).isEqualTo(1);
		assertThat(this.http.get("/api/users/me", user.token()).<String>json("$.username")).isEqualTo(user.username());

		publish(new PresenceUpdated(user.id(), "online"), user.id(), 1);
		await().atMost(PATIENCE).until(() -> status(user), "online"::equals);
	}

	private String status(User user) {
		return this.http.get("/api/users/me", user.token()).json("$.status");
	}

	private EventEnvelope envelopeOf(Object payload, UUID aggregateId, UUID eventId) {
		return this.codec.envelope(payload, eventId, java.time.Instant.now(), "notification-service",
				aggregateId.toString(), 1, UUID.randomUUID(), null);
	}

	private DeadLetter deadLetter(UUID eventId) {
		return this.deadLetters.list(null, 0, 1000)
			.stream()
			.filter((letter) -> eventId.toString().equals(letter.eventId()))
			.findFirst()
			.orElse(null);
	}

	private double duplicates() {
		return this.meters.find("flux.consumer.duplicates").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private double retried() {
		return this.meters.find("flux.consumer.retried").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

	private static UserUpdated updated(UUID id, String username) {
		return new UserUpdated(id, Set.of("username"), username, username + "@example.com", false);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
