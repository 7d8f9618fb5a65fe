package dev.flux.auth;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/**
 * Email verification and the signed-in user's own account: read, rename, new email,
 * delete.
 */
class VerificationAndAccountTests extends AuthServiceTest {

	EventTap tap;

	@BeforeEach
	void tap() {
		this.tap = tap("user.*");
	}

	@Test
	void theMailedTokenVerifiesTheAddressOnce() {
		Account account = register();
		String token = verificationToken(account, account.email());

		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);

		assertThat(this.http.get("/api/auth/me", account.accessToken()).<Boolean>json("$.emailVerified")).isTrue();
		String updated = this.tap.await("user.updated", EventTap.about(account.id()));
		assertThat(JsonPath.<List<String>>read(updated, "$.payload.changedFields")).containsExactly("emailVerified");
		assertThat(JsonPath.<Integer>read(updated, "$.aggregateVersion")).isEqualTo(2);
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(400);
		assertThat(this.http.post("/api/auth/verify-email/resend", Map.of(), account.accessToken()).status())
			.isEqualTo(409);
	}

	@Test
	void resendReplacesTheEarlierToken() {
		Account account = register();
		String first = verificationToken(account, account.email());

		assertThat(this.http.post("/api/auth/verify-email/resend", Map.of(), account.accessToken()).status())
			.isEqualTo(202);
		String second = awaitToken(account, first);

		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", first)).status()).isEqualTo(400);
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", second)).status()).isEqualTo(204);
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", "made-up")).status()).isEqualTo(400);
		assertThat(this.http.post("/api/auth/verify-email/resend", Map.of(), null).status()).isEqualTo(401);
	}

	@Test
	void aVerificationTokenExpires() {
		Account account = register();
		String token = verificationToken(account, account.email());
		this.jdbc.sql("UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE user_id = ?")
			.param(account.id())
			.update();

		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(400);
	}

	@Test
	void renamesAndPublishesUserUpdated() {
		Account account = register();
		String newName = "Renamed_" + account.username().substring(1, 8);

		Http.Reply reply = this.http.patch("/api/auth/me", Map.of("username", newName), account.accessToken());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.<String>json("$.username")).isEqualTo(newName);
		String updated = this.tap.await("user.updated", EventTap.about(account.id()));
		assertThat(JsonPath.<List<String>>read(updated, "$.payload.changedFields")).containsExactly("username");
		assertThat(JsonPath.<String>read(updated, "$.payload.username")).isEqualTo(newName);
		assertThat(login(newName.toLowerCase(), PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void refusesATakenOrInvalidUsernameAndChangesNothing() {
		Account account = register();
		Account other = register();

		assertThat(this.http
			.patch("/api/auth/me", Map.of("username", other.username().toUpperCase()), account.accessToken())
			.status()).isEqualTo(409);
		assertThat(this.http.patch("/api/auth/me", Map.of("username", "no spaces"), account.accessToken()).status())
			.isEqualTo(400);
		assertThat(this.http.get("/api/auth/me", account.accessToken()).<String>json("$.username"))
			.isEqualTo(account.username());
	}

	@Test
	void aNewEmailNeedsThePasswordIsUnverifiedAndTellsTheOldAddress() {
		Account account = register();
		String newEmail = "new-" + account.email();

		assertThat(this.http.patch("/api/auth/me", Map.of("email", newEmail), account.accessToken()).status())
			.isEqualTo(400);
		assertThat(this.http
			.patch("/api/auth/me", Map.of("email", newEmail, "currentPassword", "wrong password!"),
					account.accessToken())
			.status()).isEqualTo(403);
		String oldToken = verificationToken(account, account.email());

		Http.Reply reply = this.http.patch("/api/auth/me",
				Map.of("email", newEmail.toUpperCase(), "currentPassword", PASSWORD), account.accessToken());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.<String>json("$.email")).isEqualTo(newEmail);
		assertThat(reply.<Boolean>json("$.emailVerified")).isFalse();
		String notice = this.tap.await("user.email_changed", EventTap.about(account.id()));
		assertThat(JsonPath.<String>read(notice, "$.payload.previousEmail")).isEqualTo(account.email());
		String newToken = verificationToken(account, newEmail);
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", oldToken)).status())
			.as("a token for the previous address")
			.isEqualTo(400);
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", newToken)).status()).isEqualTo(204);
	}

	@Test
	void refusesAnEmailOfAnotherAccount() {
		Account account = register();
		Account other = register();

		assertThat(this.http
			.patch("/api/auth/me", Map.of("email", other.email(), "currentPassword", PASSWORD), account.accessToken())
			.status()).isEqualTo(409);
	}

	@Test
	void limitsEmailChangesPerAccount() {
		Account account = register();
		for (int i = 0; i < 5; i++) {
			assertThat(this.http
				.patch("/api/auth/me", Map.of("email", i + "-" + account.email(), "currentPassword", PASSWORD),
						account.accessToken())
				.status()).isEqualTo(200);
		}

		Http.Reply limited = this.http.patch("/api/auth/me",
				Map.of("email", "6-" + account.email(), "currentPassword", PASSWORD), account.accessToken());

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(this.http.get("/api/auth/me", account.accessToken()).<String>json("$.email"))
			.isEqualTo("4-" + account.email());
	}

	@Test
	void deletingNeedsThePasswordThenRemovesEverythingAndPublishesUserDeleted() {
		Account account = register();

		assertThat(
				this.http.delete("/api/auth/me", Map.of("password", "wrong password!"), account.accessToken()).status())
			.isEqualTo(403);
		assertThat(this.http.delete("/api/auth/me", Map.of("password", PASSWORD), account.accessToken()).status())
			.isEqualTo(204);

		assertThat(login(account.email(), PASSWORD).status()).isEqualTo(401);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.isEqualTo(401);
		assertThat(this.http.get("/api/auth/me", account.accessToken()).status())
			.as("the still-valid access token of the deleted account is refused")
			.isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = ?")
			.param(account.id())
			.query(Long.class)
			.single()).isZero();
		String deleted = this.tap.await("user.deleted", EventTap.about(account.id()));
		assertThat(JsonPath.<Integer>read(deleted, "$.aggregateVersion")).isEqualTo(2);
	}

	private String verificationToken(Account account, String email) {
		String event = this.tap.await("user.verification_requested",
				EventTap.about(account.id()).and((body) -> email.equals(JsonPath.read(body, "$.payload.email"))));
		return JsonPath.read(event, "$.payload.token");
	}

	private String awaitToken(Account account, String previous) {
		String event = this.tap.await("user.verification_requested",
				EventTap.about(account.id()).and((body) -> !previous.equals(JsonPath.read(body, "$.payload.token"))));
		return JsonPath.read(event, "$.payload.token");
	}

}
