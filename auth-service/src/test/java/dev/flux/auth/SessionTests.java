package dev.flux.auth;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/** Sign-in, refresh with rotation and reuse detection, logout, and the session list. */
class SessionTests extends AuthServiceTest {

	@Autowired
	dev.flux.auth.password.Passwords passwords;

	@Test
	void signsInWithEmailOrUsernameInAnyCase() {
		Account account = register();

		Http.Reply byEmail = login(account.email().toUpperCase(), PASSWORD);
		Http.Reply byUsername = login(account.username().toUpperCase(), PASSWORD);

		assertThat(byEmail.status()).isEqualTo(200);
		assertThat(byEmail.map().keySet()).containsExactlyInAnyOrder("accessToken", "refreshToken", "tokenType",
				"expiresIn");
		assertThat(byUsername.status()).isEqualTo(200);
		assertThat(this.http.get("/api/auth/me", byUsername.json("$.accessToken")).<String>json("$.id"))
			.isEqualTo(account.id().toString());
	}

	@Test
	void wrongPasswordAndUnknownAccountAnswerAlike() {
		Account account = register();

		Http.Reply wrongPassword = login(account.email(), "not the password at all");
		Http.Reply unknown = login("nobody-" + account.email(), "not the password at all");

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.body()).isEqualTo(unknown.body());
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongPasswordAndUnknownAccountTakeSimilarTime() {
		Account account = register();
		login(account.email(), "warm up the encoder");
		long known = 0;
		long unknown = 0;
		for (int i = 0; i < 3; i++) {
			known += timed(() -> login(account.email(), "not the password " + System.nanoTime()));
			unknown += timed(() -> login("ghost" + System.nanoTime() + "@example.com", "not the password"));
		}
		long knownMillis = known / 3_000_000;
		long unknownMillis = unknown / 3_000_000;

		assertThat(unknownMillis).as("unknown %d ms vs known %d ms", unknownMillis, knownMillis)
			.isBetween(knownMillis / 2, knownMillis * 2);
	}

	@Test
	void refreshRotatesTheRefreshToken() {
		Account account = register();

		Http.Reply refreshed = this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.<String>json("$.refreshToken")).isNotEqualTo(account.refreshToken());
		assertThat(this.http.get("/api/auth/me", refreshed.json("$.accessToken")).status()).isEqualTo(200);
		Http.Reply again = this.http.post("/api/auth/refresh",
				Map.of("refreshToken", refreshed.json("$.refreshToken")));
		assertThat(again.status()).isEqualTo(200);
	}

	@Test
	void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
		Account account = register();
		Http.Reply first = this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));
		String current = first.json("$.refreshToken");

		Http.Reply reuse = this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.<String>json("$.type")).isEqualTo("https://flux.dev/problems/invalid-refresh-token");
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", current)).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT revoke_reason FROM sessions WHERE user_id = ?")
			.param(account.id())
			.query(String.class)
			.single()).isEqualTo("reuse");
	}

	@Test
	void refusesUnknownAndExpiredRefreshTokens() {
		Account account = register();
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", "made-up-token")).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of()).status()).isEqualTo(400);

		this.jdbc.sql("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ?")
			.param(account.id())
			.update();
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void refusesARefreshTokenIdleTooLong() {
		Account account = register();
		this.jdbc.sql("UPDATE sessions SET last_used_at = now() - interval '15 days' WHERE user_id = ?")
			.param(account.id())
			.update();

		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void logoutEndsOnlyThatSession() {
		Account account = register();
		Http.Reply other = login(account.email(), PASSWORD);

		assertThat(this.http.post("/api/auth/logout", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(204);

		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", other.json("$.refreshToken"))).status())
			.isEqualTo(200);
		assertThat(this.http.post("/api/auth/logout", Map.of("refreshToken", "unknown")).status()).isEqualTo(204);
	}

	@Test
	void logoutAllEndsEverySession() {
		Account account = register();
		Http.Reply other = login(account.email(), PASSWORD);

		assertThat(this.http.post("/api/auth/logout-all", Map.of(), account.accessToken()).status()).isEqualTo(204);

		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", other.json("$.refreshToken"))).status())
			.isEqualTo(401);
		assertThat(this.http.post("/api/auth/logout-all", Map.of(), null).status()).isEqualTo(401);
	}

	@Test
	void listsAndRevokesOwnSessionsOnly() {
		Account account = register();
		Http.Reply other = login(account.email(), PASSWORD);
		Account stranger = register();

		Http.Reply list = this.http.get("/api/auth/sessions", account.accessToken());

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.<List<Object>>json("$")).hasSize(2);
		assertThat(list.<List<Boolean>>json("$[*].current")).containsExactlyInAnyOrder(true, false);
		assertThat(list.<List<String>>json("$[*].userAgent")).containsOnly("flux-tests/1.0");
		assertThat(list.<List<String>>json("$[*].ipAddress")).containsOnly("127.0.0.1");
		String otherId = list.<List<String>>json("$[?(@.current == false)].id").get(0);

		assertThat(this.http.delete("/api/auth/sessions/" + otherId, null, stranger.accessToken()).status())
			.isEqualTo(404);
		assertThat(this.http.delete("/api/auth/sessions/" + otherId, null, account.accessToken()).status())
			.isEqualTo(204);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", other.json("$.refreshToken"))).status())
			.isEqualTo(401);
		assertThat(this.http.get("/api/auth/sessions", account.accessToken()).<List<Object>>json("$")).hasSize(1);
	}

	@Test
	void upgradesAnOldHashOnSignIn() {
		Account account = register();
		this.jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.param("{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD))
			.param(account.id())
			.update();

		assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);

		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
			.param(account.id())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$");
		assertThat(this.passwords.matches(PASSWORD, hash)).isTrue();
		assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);
	}

	private static long timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

}
