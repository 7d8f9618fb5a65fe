package dev.flux.user;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/** {@code /api/users/me/settings}: read, replaced, patched, validated, versioned. */
class SettingsApiTests extends UserServiceTest {

	@Test
	void putReplacesEverySettingAndAnswersTheNewETag() {
		User user = newUser();
		Http.Reply before = this.http.get("/api/users/me/settings", user.token());

		Http.Reply put = this.http.put("/api/users/me/settings", all("light", "vi"), user.token(), "If-Match",
				before.etag());

		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.map()).isEqualTo(all("light", "vi"));
		assertThat(put.etag()).isNotEqualTo(before.etag()).matches("\"s\\d+\"");
		assertThat(this.http.get("/api/users/me/settings", user.token()).map()).isEqualTo(all("light", "vi"));
		assertThat(this.http.get("/api/users/me/settings", user.token(), "If-None-Match", put.etag()).status())
			.isEqualTo(304);
	}

	@Test
	void putNeedsEveryFieldWithAnAllowedValue() {
		User user = newUser();
		Map<String, Object> missing = all("light", "en");
		missing.remove("soundEnabled");
		Map<String, Object> nulled = all("light", "en");
		nulled.put("allowFriendRequests", null);

		for (Map<String, Object> body : List.of(missing, nulled, all("purple", "en"), all("dark", "klingon"),
				all("dark", "EN"))) {
			Http.Reply reply = this.http.put("/api/users/me/settings", body, user.token());

			assertThat(reply.status()).as("%s", body).isEqualTo(400);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
		assertThat(this.http.get("/api/users/me/settings", user.token()).map()).containsEntry("theme", "dark")
			.containsEntry("soundEnabled", true);
	}

	@Test
	void patchChangesOnlyTheGivenSettings() {
		User user = newUser();

		Http.Reply patched = this.http.patch("/api/users/me/settings",
				Map.of("soundEnabled", false, "language", "pt-BR"), user.token());

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.map()).containsEntry("soundEnabled", false)
			.containsEntry("language", "pt-BR")
			.containsEntry("theme", "dark")
			.containsEntry("notificationsEnabled", true);
	}

	@Test
	void patchRefusesNullsUnknownMembersBadValuesAndStaleVersions() {
		User user = newUser();
		Http.Reply current = this.http.get("/api/users/me/settings", user.token());
		this.http.patch("/api/users/me/settings", Map.of("theme", "system"), user.token());
		Map<String, Object> nulled = new HashMap<>();
		nulled.put("theme", null);

		for (Object body : List.of(nulled, Map.of("fontSize", 12), Map.of("soundEnabled", "loud"),
				Map.of("theme", "neon"))) {
			assertThat(this.http.patch("/api/users/me/settings", body, user.token()).status()).as("%s", body)
				.isEqualTo(400);
		}
		Http.Reply stale = this.http.patch("/api/users/me/settings", Map.of("theme", "light"), user.token(), "If-Match",
				current.etag());
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.http.get("/api/users/me/settings", user.token()).map()).containsEntry("theme", "system");
	}

	@Test
	void hidingTheOnlineStatusShowsOfflineToOthersAndIsAnnounced() {
		User user = newUser();
		User viewer = newUser();
		try (EventTap tap = tap(user.id())) {
			this.http.put("/api/users/me/status", Map.of("status", "idle"), user.token());
			this.http.patch("/api/users/me/settings", Map.of("showOnlineStatus", false), user.token());

			assertThat(this.http.get("/api/users/" + user.id(), viewer.token()).<String>json("$.status"))
				.isEqualTo("offline");
			String event = tap.atLeast(2).get(1);
			assertThat(JsonPath.<List<String>>read(event, "$.payload.changedFields")).containsExactly("status");
			assertThat(JsonPath.<String>read(event, "$.payload.status")).isEqualTo("offline");
			this.http.patch("/api/users/me/settings", Map.of("theme", "light"), user.token());
			assertThat(tap.all(Duration.ofMillis(300))).as("a private setting is not announced").hasSize(2);
		}
	}

	@Test
	void thePrivacySettingsOtherServicesEnforceAreAnnouncedWhenTheyChange() {
		User user = newUser();
		try (EventTap tap = tap(user.id(), "profile.privacy_updated")) {
			this.http.patch("/api/users/me/settings", Map.of("theme", "light"), user.token());
			this.http.patch("/api/users/me/settings", Map.of("allowDirectMessages", false), user.token());

			String event = tap.atLeast(1).get(0);
			assertThat(JsonPath.<Boolean>read(event, "$.payload.allowDirectMessages")).isFalse();
			assertThat(JsonPath.<Boolean>read(event, "$.payload.allowFriendRequests")).isTrue();
			assertThat(JsonPath.<Boolean>read(event, "$.payload.notificationsEnabled")).isTrue();
			assertThat(JsonPath.<Integer>read(event, "$.aggregateVersion")).as("the settings' version").isEqualTo(3);
			this.http.patch("/api/users/me/settings", Map.of("soundEnabled", false), user.token());
			assertThat(tap.all(Duration.ofMillis(300))).as("a setting nobody enforces is not announced").hasSize(1);
		}
	}

	private static Map<String, Object> all(String theme, String language) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("theme", theme);
		settings.put("language", language);
		settings.put("notificationsEnabled", false);
		settings.put("soundEnabled", true);
		settings.put("showOnlineStatus", true);
		settings.put("allowDirectMessages", false);
		settings.put("allowFriendRequests", true);
		return settings;
	}

}
