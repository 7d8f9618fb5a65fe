package dev.flux.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/**
 * {@code /api/users/me/activities}: what a user is doing, shown to others unless hidden.
 */
class ActivityApiTests extends UserServiceTest {

	@Test
	void anActivityIsAddedListedShownAndRemovedEachChangeAnnounced() {
		User user = newUser();
		User viewer = newUser();
		try (EventTap tap = tap(user.id())) {
			Http.Reply added = this.http.post("/api/users/me/activities", Map.of("type", "listening", "name",
					"Symphony No. 9", "details", "Beethoven", "endsAt", "2999-01-01T00:00:00Z"), user.token());

			assertThat(added.status()).as(added.body()).isEqualTo(201);
			String id = added.json("$.id");
			assertThat(added.header("Location")).isEqualTo("/api/users/me/activities/" + id);
			assertThat(added.map()).containsEntry("type", "listening").containsKey("startedAt");
			assertThat(this.http.get("/api/users/me/activities", user.token()).<List<String>>json("$[*].id"))
				.containsExactly(id);
			assertThat(
					this.http.get("/api/users/" + user.id(), viewer.token()).<List<String>>json("$.activities[*].name"))
				.containsExactly("Symphony No. 9");

			Http.Reply removed = this.http.delete("/api/users/me/activities/" + id, null, user.token());
			assertThat(removed.status()).isEqualTo(204);
			assertThat(this.http.get("/api/users/me/activities", user.token()).<List<Object>>json("$")).isEmpty();

			List<String> events = tap.atLeast(2);
			assertThat(events).extracting((event) -> JsonPath.<List<String>>read(event, "$.payload.changedFields"))
				.containsExactly(List.of("activities"), List.of("activities"));
			assertThat(JsonPath.<List<String>>read(events.get(0), "$.payload.activities[*].name"))
				.containsExactly("Symphony No. 9");
			assertThat(JsonPath.<List<Object>>read(events.get(1), "$.payload.activities")).isEmpty();
		}
	}

	@Test
	void invalidActivitiesAreRefusedAndAddNothing() {
		User user = newUser();

		for (Map<String, ?> body : List.<Map<String, ?>>of(Map.of("type", "dancing", "name", "Tango"),
				Map.of("type", "playing"), Map.of("type", "playing", "name", " "),
				Map.of("type", "playing", "name", "n".repeat(129)), Map.of("type", "playing", "name", "Go", "startedAt",
						"2026-01-02T00:00:00Z", "endsAt", "2026-01-01T00:00:00Z"))) {
			Http.Reply reply = this.http.post("/api/users/me/activities", body, user.token());

			assertThat(reply.status()).as("%s -> %s", body, reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.http.get("/api/users/me/activities", user.token()).<List<Object>>json("$")).isEmpty();
	}

	@Test
	void aUserShowsAtMostFiveActivities() {
		User user = newUser();
		for (int i = 0; i < 5; i++) {
			assertThat(this.http
				.post("/api/users/me/activities", Map.of("type", "playing", "name", "Game " + i), user.token())
				.status()).isEqualTo(201);
		}

		Http.Reply sixth = this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", "Game 5"),
				user.token());

		assertThat(sixth.status()).isEqualTo(409);
		assertThat(sixth.<String>json("$.type")).isEqualTo("https://flux.dev/problems/too-many-activities");
		assertThat(this.http.get("/api/users/me/activities", user.token()).<List<Object>>json("$")).hasSize(5);
	}

	@Test
	void aUserCannotRemoveAnotherUsersActivityOrOneThatDoesNotExist() {
		User owner = newUser();
		User other = newUser();
		String id = this.http
			.post("/api/users/me/activities", Map.of("type", "watching", "name", "Film"), owner.token())
			.json("$.id");

		assertThat(this.http.delete("/api/users/me/activities/" + id, null, other.token()).status()).isEqualTo(404);
		assertThat(this.http.delete("/api/users/me/activities/" + UUID.randomUUID(), null, owner.token()).status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/users/me/activities", owner.token()).<List<String>>json("$[*].id"))
			.containsExactly(id);
	}

	@Test
	void aStaleIfMatchAddsAndRemovesNothing() {
		User user = newUser();
		Http.Reply listed = this.http.get("/api/users/me/activities", user.token());
		String id = this.http
			.post("/api/users/me/activities", Map.of("type", "playing", "name", "First"), user.token(), "If-Match",
					listed.etag())
			.json("$.id");

		assertThat(this.http
			.post("/api/users/me/activities", Map.of("type", "playing", "name", "Second"), user.token(), "If-Match",
					listed.etag())
			.status()).isEqualTo(412);
		assertThat(this.http.delete("/api/users/me/activities/" + id, null, user.token(), "If-Match", listed.etag())
			.status()).isEqualTo(412);
		assertThat(this.http.get("/api/users/me/activities", user.token()).<List<String>>json("$[*].name"))
			.containsExactly("First");
	}

	@Test
	void anInvisibleUsersActivitiesAreHiddenFromOthersAndNotAnnounced() {
		User user = newUser();
		User viewer = newUser();
		this.http.put("/api/users/me/status", Map.of("status", "invisible"), user.token());
		try (EventTap tap = tap(user.id())) {
			this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", "Secret game"), user.token());

			assertThat(this.http.get("/api/users/" + user.id(), viewer.token()).<List<Object>>json("$.activities"))
				.isEmpty();
			assertThat(this.http.get("/api/users/me", user.token()).<List<String>>json("$.activities[*].name"))
				.containsExactly("Secret game");
			assertThat(tap.all(java.time.Duration.ofMillis(300))).isEmpty();
		}
	}

	@Test
	void datesOutsideYears1583To9999AreRefusedAndBreakNothing() {
		User user = newUser();
		User viewer = newUser();
		this.http.put("/api/users/me/status", Map.of("status", "invisible"), user.token());

		for (Map<String, ?> body : List.<Map<String, ?>>of(
				Map.of("type", "playing", "name", "Go", "endsAt", "+10000-01-01T00:00:00Z"),
				Map.of("type", "playing", "name", "Go", "startedAt", "-0001-12-31T00:00:00Z"),
				Map.of("type", "playing", "name", "Go", "startedAt", "1582-12-31T23:59:59Z"),
				Map.of("type", "playing", "name", "Go", "startedAt", "+1000000000-01-01T00:00:00Z"))) {
			Http.Reply reply = this.http.post("/api/users/me/activities", body, user.token());
			assertThat(reply.status()).as("%s -> %s", body, reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		Http.Reply status = this.http.patch("/api/users/me/profile",
				Map.of("customStatus", Map.of("text", "away", "expiresAt", "+10000-01-01T00:00:00Z")), user.token());
		assertThat(status.status()).as(status.body()).isEqualTo(400);

		assertThat(this.http.get("/api/users/" + user.id(), viewer.token()).status()).isEqualTo(200);
		assertThat(this.http.put("/api/users/me/status", Map.of("status", "online"), user.token()).status())
			.isEqualTo(200);
	}

	@Test
	void theFirstAndLastInstantsOfYears1583To9999AreKeptAndShown() {
		User user = newUser();
		User viewer = newUser();

		Http.Reply added = this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", "Long game",
				"startedAt", "1583-01-01T00:00:00Z", "endsAt", "9999-12-31T23:59:59.999999Z"), user.token());

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		Http.Reply shown = this.http.get("/api/users/" + user.id(), viewer.token());
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.<String>json("$.activities[0].startedAt")).isEqualTo("1583-01-01T00:00:00Z");
		assertThat(shown.<String>json("$.activities[0].endsAt")).isEqualTo("9999-12-31T23:59:59.999999Z");
	}

}
