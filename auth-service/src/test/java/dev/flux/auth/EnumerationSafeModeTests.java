package dev.flux.auth;

import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code flux.auth.enumeration.mode=mitigate}: registration and email change answer alike
 * whether an address is free or taken; the owner of a taken address is mailed
 * ({@code user.email_conflict}) and a new address takes effect from the mailed link.
 */
@TestPropertySource(properties = "flux.auth.enumeration.mode=mitigate")
class EnumerationSafeModeTests extends AuthServiceTest {

	EventTap tap;

	@BeforeEach
	void tap() {
		this.tap = tap("user.*");
	}

	@Test
	void registrationAnswersAlikeForAFreeAndATakenAddressAndTellsTheOwner() {
		Account owner = signedUp();
		String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

		Http.Reply taken = this.http.post("/api/auth/register",
				Map.of("email", owner.email().toUpperCase(), "username", name, "password", PASSWORD));
		Http.Reply free = this.http.post("/api/auth/register",
				Map.of("email", name + "@example.com", "username", name + "x", "password", PASSWORD));

		assertThat(taken.status()).isEqualTo(202);
		assertThat(free.status()).isEqualTo(202);
		assertThat(taken.body()).isEqualTo(free.body());
		assertThat(taken.contentType()).isEqualTo(free.contentType());
		String conflict = this.tap.await("user.email_conflict", EventTap.about(owner.id()));
		assertThat(JsonPath.<String>read(conflict, "$.payload.attempt")).isEqualTo("registration");
		assertThat(JsonPath.<String>read(conflict, "$.payload.email")).isEqualTo(owner.email());
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE lower(username) = ?")
			.param(name)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNewAddressTakesEffectFromTheLinkSentToIt() {
		Account account = signedUp();
		String newEmail = "moved-" + account.email();

		Http.Reply reply = this.http.patch("/api/auth/me", Map.of("email", newEmail, "currentPassword", PASSWORD),
				account.accessToken());

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.<String>json("$.email")).isEqualTo(account.email());
		String token = token(account.id(), newEmail);
		assertThat(this.http.get("/api/auth/me", account.accessToken()).<String>json("$.email"))
			.isEqualTo(account.email());
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
		Http.Reply me = this.http.get("/api/auth/me", account.accessToken());
		assertThat(me.<String>json("$.email")).isEqualTo(newEmail);
		assertThat(me.<Boolean>json("$.emailVerified")).isTrue();
		assertThat(this.tap.await("user.email_changed", EventTap.about(account.id()))).contains(account.email());
	}

	@Test
	void anEmailChangeToATakenAddressAnswersAlikeAndTellsItsOwner() {
		Account account = signedUp();
		Account other = signedUp();

		Http.Reply reply = this.http.patch("/api/auth/me", Map.of("email", other.email(), "currentPassword", PASSWORD),
				account.accessToken());

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.<String>json("$.email")).isEqualTo(account.email());
		String conflict = this.tap.await("user.email_conflict", EventTap.about(other.id()));
		assertThat(JsonPath.<String>read(conflict, "$.payload.attempt")).isEqualTo("email_change");
		assertThat(this.tap.all("user.verification_requested",
				(body) -> other.email().equals(JsonPath.read(body, "$.payload.email"))))
			.as("no link to the taken address")
			.hasSize(1);
		assertThat(this.http.get("/api/auth/me", account.accessToken()).<String>json("$.email"))
			.isEqualTo(account.email());
	}

	/** Registers (202), follows the mailed link, then signs in. */
	private Account signedUp() {
		String name = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String email = name + "@example.com";
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", email, "username", name, "password", PASSWORD));
		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		assertThat(reply.body()).doesNotContain("accessToken");
		String event = this.tap.await("user.verification_requested",
				(body) -> email.equals(JsonPath.read(body, "$.payload.email")));
		UUID id = UUID.fromString(JsonPath.read(event, "$.payload.userId"));
		assertThat(this.http.post("/api/auth/verify-email", Map.of("token", JsonPath.read(event, "$.payload.token")))
			.status()).isEqualTo(204);
		Http.Reply signedIn = login(email, PASSWORD);
		assertThat(signedIn.status()).isEqualTo(200);
		return new Account(id, email, name, signedIn.json("$.accessToken"), signedIn.json("$.refreshToken"));
	}

	private String token(UUID userId, String email) {
		String event = this.tap.await("user.verification_requested",
				EventTap.about(userId).and((body) -> email.equals(JsonPath.read(body, "$.payload.email"))));
		return JsonPath.read(event, "$.payload.token");
	}

}
