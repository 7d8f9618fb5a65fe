package dev.flux.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/**
 * {@code /api/users/me}, {@code /api/users/me/profile}, {@code /api/users/me/status},
 * {@code /api/users/{id}} and search: what a user sees and may change, the limits, and
 * the events that announce each change.
 */
class ProfileApiTests extends UserServiceTest {

	@Test
	void meAnswersWithAnETagAndA304WhenNothingChanged() {
		User user = newUser();

		Http.Reply me = this.http.get("/api/users/me", user.token());
		Http.Reply again = this.http.get("/api/users/me", user.token(), "If-None-Match", me.etag());

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.etag()).matches("\"p\\d+\"");
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.etag()).isEqualTo(me.etag());
	}

	@Test
	void editingTheProfileChangesItAndAnnouncesTheChangedFields() {
		User user = newUser();
		try (EventTap tap = tap(user.id())) {
			Http.Reply edited = this.http.patch("/api/users/me/profile",
					Map.of("displayName", "  Ada Lovelace ", "avatarUrl", "https://cdn.example.com/a.png", "bio",
							"Analyst", "customStatus", Map.of("text", "Computing", "emoji", "\u2699\ufe0f")),
					user.token());

			assertThat(edited.status()).as(edited.body()).isEqualTo(200);
			assertThat(edited.map()).containsEntry("displayName", "Ada Lovelace")
				.containsEntry("avatarUrl", "https://cdn.example.com/a.png")
				.containsEntry("bio", "Analyst");
			assertThat(edited.<String>json("$.customStatus.text")).isEqualTo("Computing");
			assertThat(edited.etag()).isNotEqualTo(this.http.get("/api/users/me", user.token()).etag() + "x");
			String event = tap.atLeast(1).getFirst();
			assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(event, "$.payload.changedFields"))
				.containsExactly("avatarUrl", "bio", "customStatus", "displayName");
			assertThat(com.jayway.jsonpath.JsonPath.<String>read(event, "$.payload.displayName"))
				.isEqualTo("Ada Lovelace");
			assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(event, "$.aggregateVersion"))
				.isEqualTo((int) profileVersion(user.id()));
		}
	}

	@Test
	void nullClearsAFieldAndADisplayNameOfNullFollowsTheUsernameAgain() {
		User user = newUser();
		this.http.patch("/api/users/me/profile", Map.of("displayName", "Someone", "bio", "Hello"), user.token());
		Map<String, Object> clear = new HashMap<>();
		clear.put("displayName", null);
		clear.put("bio", null);

		Http.Reply cleared = this.http.patch("/api/users/me/profile", clear, user.token());

		assertThat(cleared.map()).containsEntry("displayName", user.username()).containsEntry("bio", null);
	}

	@Test
	void membersLeftOutStayAsTheyWere() {
		User user = newUser();
		this.http.patch("/api/users/me/profile", Map.of("bio", "Stays"), user.token());

		Http.Reply edited = this.http.patch("/api/users/me/profile", Map.of("displayName", "New"), user.token());

		assertThat(edited.map()).containsEntry("bio", "Stays").containsEntry("displayName", "New");
	}

	@Test
	void valuesBeyondTheLimitsAreRefusedWithProblemDetailsAndChangeNothing() {
		User user = newUser();
		String before = this.http.get("/api/users/me", user.token()).body();
		long version = profileVersion(user.id());
		List<Map<String, ?>> refused = List.<Map<String, ?>>of(Map.of("displayName", "x".repeat(33)),
				Map.of("displayName", "   "), Map.of("displayName", "tab\tname"), Map.of("bio", "b".repeat(191)),
				Map.of("avatarUrl", "javascript:alert(1)"), Map.of("avatarUrl", "/relative.png"),
				Map.of("avatarUrl", "https://x/" + "a".repeat(2048)), Map.of("customStatus", Map.of()),
				Map.of("customStatus", Map.of("text", "t".repeat(129))),
				Map.of("customStatus", Map.of("text", "old", "expiresAt", "2020-01-01T00:00:00Z")),
				Map.of("displayName", 42), Map.of("nickname", "typo"));

		for (Map<String, ?> body : refused) {
			Http.Reply reply = this.http.patch("/api/users/me/profile", body, user.token());

			assertThat(reply.status()).as("%s -> %s", body, reply.body()).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.<String>json("$.type")).isEqualTo("https://flux.dev/problems/invalid-request");
		}
		assertThat(this.http.patch("/api/users/me/profile", "[1]", user.token()).status()).isEqualTo(400);
		assertThat(this.http.patch("/api/users/me/profile", "{not json", user.token()).status()).isEqualTo(400);
		assertThat(profileVersion(user.id())).isEqualTo(version);
		assertThat(this.http.get("/api/users/me", user.token()).body()).isEqualTo(before);
	}

	@Test
	void aWriteWithAStaleIfMatchGets412AndChangesNothing() {
		User user = newUser();
		String stale = this.http.get("/api/users/me", user.token()).etag();
		Http.Reply first;
		try (EventTap tap = tap(user.id())) {
			first = this.http.patch("/api/users/me/profile", Map.of("bio", "first"), user.token(), "If-Match", stale);
			tap.atLeast(1);
			Http.Reply second = this.http.patch("/api/users/me/profile", Map.of("bio", "second"), user.token(),
					"If-Match", stale);
			Http.Reply status = this.http.put("/api/users/me/status", Map.of("status", "dnd"), user.token(), "If-Match",
					stale);

			assertThat(first.status()).isEqualTo(200);
			assertThat(second.status()).isEqualTo(412);
			assertThat(second.<String>json("$.type")).isEqualTo("https://flux.dev/problems/precondition-failed");
			assertThat(status.status()).isEqualTo(412);
			assertThat(this.http.get("/api/users/me", user.token()).map()).containsEntry("bio", "first")
				.containsEntry("status", "offline");
			assertThat(tap.all(Duration.ofMillis(300))).as("only the first write's event").hasSize(1);
		}
		Http.Reply current = this.http.patch("/api/users/me/profile", Map.of("bio", "third"), user.token(), "If-Match",
				first.etag());
		assertThat(current.status()).isEqualTo(200);
		assertThat(this.http
			.patch("/api/users/me/profile", Map.of("bio", "weak"), user.token(), "If-Match", "W/" + current.etag())
			.status()).as("If-Match compares strongly").isEqualTo(412);
	}

	@Test
	void anotherUsersProfileShowsPublicFieldsOnly() {
		User user = newUser();
		this.http.patch("/api/users/me/profile", Map.of("bio", "Public bio"), user.token());
		this.http.patch("/api/users/me/settings", Map.of("language", "fr"), user.token());
		User viewer = newUser();

		Http.Reply seen = this.http.get("/api/users/" + user.id(), viewer.token());

		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.map()).containsOnlyKeys("id", "username", "displayName", "avatarUrl", "bio", "status",
				"customStatus", "activities");
		assertThat(seen.map()).containsEntry("bio", "Public bio").containsEntry("status", "offline");
		assertThat(this.http.get("/api/users/" + user.id(), viewer.token(), "If-None-Match", seen.etag()).status())
			.isEqualTo(304);
		assertThat(this.http.get("/api/users/" + UUID.randomUUID(), viewer.token()).status()).isEqualTo(404);
		Http.Reply notAnId = this.http.get("/api/users/not-a-uuid", viewer.token());
		assertThat(notAnId.status()).isEqualTo(400);
		assertThat(notAnId.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aChosenStatusShowsToOthersExceptInvisibleWhichShowsOffline() {
		User user = newUser();
		User viewer = newUser();
		try (EventTap tap = tap(user.id())) {
			Http.Reply dnd = this.http.put("/api/users/me/status", Map.of("status", "dnd"), user.token());
			assertThat(dnd.map()).containsEntry("status", "dnd")
				.containsEntry("chosenStatus", "dnd")
				.containsEntry("publicStatus", "dnd");
			assertThat(publicStatus(user, viewer)).isEqualTo("dnd");

			Http.Reply invisible = this.http.put("/api/users/me/status", Map.of("status", "invisible"), user.token());
			assertThat(invisible.map()).containsEntry("status", "invisible").containsEntry("publicStatus", "offline");
			assertThat(publicStatus(user, viewer)).isEqualTo("offline");

			List<String> events = tap.atLeast(2);
			assertThat(events)
				.extracting((event) -> com.jayway.jsonpath.JsonPath.<String>read(event, "$.payload.status"))
				.containsExactly("dnd", "offline");
			assertThat(String.join("", events)).doesNotContain("invisible");
		}
	}

	@Test
	void anInvalidStatusIsRefused() {
		User user = newUser();

		for (Object status : new Object[] { "away", "", "ONLINE " }) {
			assertThat(this.http.put("/api/users/me/status", Map.of("status", status), user.token()).status())
				.as("%s", status)
				.isEqualTo(400);
		}
		assertThat(this.http.put("/api/users/me/status", Map.of(), user.token()).status()).isEqualTo(400);
		assertThat(this.http.get("/api/users/me", user.token()).map()).containsEntry("chosenStatus", null);
	}

	@Test
	void anExpiredCustomStatusDisappearsAndChangesTheETag() {
		User user = newUser();
		Instant soon = Instant.now().plus(Duration.ofSeconds(4)).truncatedTo(ChronoUnit.MILLIS);
		Http.Reply set = this.http.patch("/api/users/me/profile",
				Map.of("customStatus", Map.of("emoji", ":coffee:", "expiresAt", soon.toString())), user.token());
		assertThat(set.<String>json("$.customStatus.emoji")).isEqualTo(":coffee:");

		org.awaitility.Awaitility.await()
			.atMost(PATIENCE)
			.until(() -> this.http.get("/api/users/me", user.token()).map().get("customStatus") == null);
		assertThat(this.http.get("/api/users/me", user.token(), "If-None-Match", set.etag()).status()).isEqualTo(200);
	}

	@Test
	void searchFindsUsersByUsernamePrefixIgnoringCasePageByPage() {
		String prefix = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		User b = newUser(prefix + "_b");
		User a = newUser(prefix.toUpperCase() + "_a");
		User c = newUser(prefix + "_c");
		newUser("x" + prefix);

		Http.Reply first = this.http.get("/api/users?username=" + prefix + "&size=2", a.token());
		Http.Reply second = this.http.get("/api/users?username=" + prefix.toUpperCase() + "&size=2&page=1", a.token());

		assertThat(first.<List<String>>json("$.items[*].id")).containsExactly(a.id().toString(), b.id().toString());
		assertThat(first.<Boolean>json("$.hasNext")).isTrue();
		assertThat(second.<List<String>>json("$.items[*].id")).containsExactly(c.id().toString());
		assertThat(second.<Boolean>json("$.hasNext")).isFalse();
		assertThat(first.<Map<String, Object>>json("$.items[0]")).containsOnlyKeys("id", "username", "displayName",
				"avatarUrl", "status");
		assertThat(this.http.get("/api/users?username=" + prefix.substring(0, 3) + "%25", a.token())
			.<List<Object>>json("$.items")).as("%% is a character, not a wildcard").isEmpty();
	}

	@Test
	void searchRefusesAMissingPrefixOrBadPaging() {
		User user = newUser();

		for (String query : new String[] { "", "?username=", "?username=ab&size=0", "?username=ab&size=51",
				"?username=ab&page=-1", "?username=ab&size=many" }) {
			Http.Reply reply = this.http.get("/api/users" + query, user.token());

			assertThat(reply.status()).as(query).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void noOneCanWriteAnotherUsersProfile() {
		User owner = newUser();
		User other = newUser();
		String before = this.http.get("/api/users/me", owner.token()).body();

		for (String path : new String[] { "/api/users/" + owner.id() + "/profile", "/api/users/" + owner.id() }) {
			int status = this.http.patch(path, Map.of("bio", "hacked"), other.token()).status();
			assertThat(status).as(path).isIn(403, 404, 405);
		}
		assertThat(
				this.http.put("/api/users/" + owner.id() + "/status", Map.of("status", "dnd"), other.token()).status())
			.isIn(403, 404, 405);
		assertThat(this.http.get("/api/users/me", owner.token()).body()).isEqualTo(before);
	}

	@Test
	void aTokenWhoseUserHasNoProfileGets404AndANonUserSubject403() {
		String unknown = TOKENS.accessToken(UUID.randomUUID(), "USER");
		String service = TOKENS.token().subject("notification-service").sign();

		Http.Reply missing = this.http.get("/api/users/me", unknown);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(this.http.patch("/api/users/me/profile", Map.of("bio", "x"), unknown).status()).isEqualTo(404);
		assertThat(this.http.get("/api/users/me", service).status()).isEqualTo(403);
	}

	@Test
	void theApiIsDescribedByOpenApiWithAUi() {
		Http.Reply docs = this.http.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.<Map<String, Object>>json("$.paths")).containsKeys("/api/users/me", "/api/users/me/profile",
				"/api/users/me/status", "/api/users/{id}", "/api/users", "/api/users/me/settings",
				"/api/users/me/activities", "/api/users/me/activities/{id}");
		assertThat(this.http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

	private String publicStatus(User user, User viewer) {
		return this.http.get("/api/users/" + user.id(), viewer.token()).json("$.status");
	}

}
