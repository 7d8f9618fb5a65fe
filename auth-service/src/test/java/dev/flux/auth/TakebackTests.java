package dev.flux.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Taking an account back after someone who held its session moved it to their address:
 * the link in the notice to the previous address restores it, ends every session and sets
 * a new password.
 */
class TakebackTests extends AuthServiceTest {

	@Test
	void theLinkInTheNoticeRestoresThePreviousAddressEndsEverySessionAndSetsANewPassword() {
		Account owner = register();
		String takers = "taker-" + owner.username() + "@example.net";
		String takeback;
		try (EventTap tap = tap("user.email_changed")) {
			assertThat(this.http
				.patch("/api/auth/me", Map.of("email", takers, "currentPassword", PASSWORD), owner.accessToken())
				.status()).isEqualTo(200);
			String changed = tap.await("user.email_changed", EventTap.about(owner.id()));
			assertThat(JsonPath.<String>read(changed, "$.payload.previousEmail")).isEqualTo(owner.email());
			takeback = JsonPath.read(changed, "$.payload.takebackToken");
			assertThat(Instant.parse(JsonPath.read(changed, "$.payload.takebackExpiresAt")))
				.isAfter(Instant.now().plus(Duration.ofDays(6)));
		}
		String takersSession = login(takers, PASSWORD).json("$.refreshToken");

		assertThat(this.http
			.post("/api/auth/email/takeback", Map.of("token", takeback, "newPassword", "mine again, thank you"))
			.status()).isEqualTo(204);

		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", takersSession)).status())
			.as("the taker's session ended")
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", owner.refreshToken())).status())
			.isEqualTo(401);
		assertThat(login(takers, PASSWORD).status()).isEqualTo(401);
		assertThat(login(owner.email(), PASSWORD).status()).as("the old password is gone").isEqualTo(401);
		Http.Reply signedIn = login(owner.email(), "mine again, thank you");
		assertThat(signedIn.status()).isEqualTo(200);
		Http.Reply me = this.http.get("/api/auth/me", signedIn.json("$.accessToken"));
		assertThat(me.<String>json("$.email")).isEqualTo(owner.email());
		assertThat(me.<Boolean>json("$.emailVerified")).isTrue();
		assertThat(this.http
			.post("/api/auth/email/takeback", Map.of("token", takeback, "newPassword", "once more, once more"))
			.status()).as("the link works once").isEqualTo(400);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT e.envelope::text FROM flux_events.outbox_events e
					JOIN flux_events.outbox_event_status s ON s.id = e.id
					WHERE e.aggregate_id = ? AND e.event_type = 'user.email_changed' AND s.status = 'PUBLISHED'""")
				.param(owner.id().toString())
				.query(String.class)
				.single()).as("the token leaves the outbox log once published").doesNotContain(takeback));
	}

	@Test
	void refusesUnknownTokensAndWeakPasswords() {
		Http.Reply unknown = this.http.post("/api/auth/email/takeback",
				Map.of("token", "no-such-token", "newPassword", "a perfectly fine password"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(this.http.post("/api/auth/email/takeback", Map.of("token", "no-such-token")).status())
			.isEqualTo(400);
	}

}
