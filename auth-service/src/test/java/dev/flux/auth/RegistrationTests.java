package dev.flux.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.UserCreated;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/auth/register}: the account, its tokens, its events, and every
 * refusal.
 */
class RegistrationTests extends AuthServiceTest {

	@Test
	void registersAndAnswersTheAccountWithATokenPair() {
		String name = unique();
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", name.toUpperCase() + "@Example.COM", "username", name, "password", PASSWORD));

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.header("Location")).isEqualTo("/api/auth/me");
		assertThat(reply.<String>json("$.account.username")).isEqualTo(name);
		assertThat(reply.<String>json("$.account.email")).isEqualTo(name + "@example.com");
		assertThat(reply.<Boolean>json("$.account.emailVerified")).isFalse();
		assertThat(reply.<String>json("$.tokenType")).isEqualTo("Bearer");
		assertThat(reply.<Integer>json("$.expiresIn")).isEqualTo(900);
		String accessToken = reply.json("$.accessToken");
		Http.Reply me = this.http.get("/api/auth/me", accessToken);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.<String>json("$.id")).isEqualTo(reply.json("$.account.id"));
		assertThat(this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
			.param(UUID.fromString(reply.json("$.account.id")))
			.query(String.class)
			.single()).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void publishesUserCreatedOnceWithTheContractSchema() {
		try (EventTap tap = tap("user.created", "user.verification_requested")) {
			Account account = register();

			String created = tap.await("user.created", EventTap.about(account.id()));
			EventCodec codec = EventCodec.standard();
			dev.flux.events.EventEnvelope envelope = codec.fromJson(created.getBytes());
			codec.validate(envelope);
			UserCreated payload = codec.payload(envelope, UserCreated.class);
			assertThat(payload).isEqualTo(new UserCreated(account.id(), account.username(), account.email(), false));
			assertThat(JsonPath.<Integer>read(created, "$.aggregateVersion")).isEqualTo(1);
			assertThat(JsonPath.<String>read(created, "$.producer")).isEqualTo("auth-service");
			tap.await("user.verification_requested", EventTap.about(account.id()));
			tap.drain(Duration.ofSeconds(1));
			assertThat(tap.all("user.created", EventTap.about(account.id()))).hasSize(1);
		}
	}

	@Test
	void refusesAUsernameTakenInAnyCase() {
		Account taken = register();

		Http.Reply reply = this.http.post("/api/auth/register", Map.of("email", unique() + "@example.com", "username",
				taken.username().toUpperCase(), "password", PASSWORD));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.<String>json("$.type")).isEqualTo("https://flux.dev/problems/username-taken");
	}

	@Test
	void saysPlainlyThatAnAddressIsTakenAndCreatesNothing() {
		Account owner = register();
		String name = unique();

		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", owner.email().toUpperCase(), "username", name, "password", PASSWORD));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.<String>json("$.type")).isEqualTo("https://flux.dev/problems/email-taken");
		assertThat(reply.body()).doesNotContain("accessToken");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE lower(username) = ?")
			.param(name)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void limitsAttemptsPerAddress() {
		Account owner = register();

		// the owner's own registration was the first of the 5 tries an hour
		for (int i = 0; i < 4; i++) {
			assertThat(this.http
				.post("/api/auth/register", Map.of("email", owner.email(), "username", unique(), "password", PASSWORD))
				.status()).isEqualTo(409);
		}
		Http.Reply limited = this.http.post("/api/auth/register",
				Map.of("email", owner.email(), "username", unique(), "password", PASSWORD));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(limited.contentType()).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "@b.test", "@b.internal", "@b.local", "@mail.example.museum" })
	void registersEveryAddressTheValidationTakesWithItsEvents(String domain) {
		String name = unique();
		try (EventTap tap = tap("user.created")) {
			Http.Reply reply = this.http.post("/api/auth/register",
					Map.of("email", name + domain, "username", name, "password", PASSWORD));

			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			String created = tap.await("user.created", EventTap.about(UUID.fromString(reply.json("$.account.id"))));
			EventCodec codec = EventCodec.standard();
			codec.validate(codec.fromJson(created.getBytes()));
		}
	}

	@Test
	void refusesAddressesTheEventsCouldNotCarry() {
		for (String email : java.util.List.of("x@b.c", "x@b", "x@[127.0.0.1]", "\"x\"@b.example", "x@b..example")) {
			assertInvalid(Map.of("email", email, "username", unique(), "password", PASSWORD), "email");
		}
	}

	@Test
	void refusesInvalidFieldsWithProblemDetailsAndCreatesNothing() {
		long before = users();
		assertInvalid(Map.of("email", "not-an-email", "username", unique(), "password", PASSWORD), "email");
		assertInvalid(Map.of("email", unique() + "@example.com", "username", "a", "password", PASSWORD), "username");
		assertInvalid(Map.of("email", unique() + "@example.com", "username", "has space", "password", PASSWORD),
				"username");
		assertInvalid(Map.of("email", unique() + "@example.com", "username", ".dotted", "password", PASSWORD),
				"username");
		assertInvalid(Map.of("email", unique() + "@example.com", "username", "x".repeat(33), "password", PASSWORD),
				"username");
		assertInvalid(Map.of("email", unique() + "@example.com", "username", unique()), "password");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void refusesUnreadableJson() {
		Http.Reply reply = this.http.post("/api/auth/register", "{\"email\": ");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void appliesThePasswordPolicy() {
		long before = users();

		assertPasswordRefused("short1!", "8 to 128 characters");
		assertPasswordRefused("p".repeat(129), "8 to 128 characters");
		assertPasswordRefused("Password123", "common");
		assertPasswordRefused("QWERTYUIOP", "common");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void acceptsLongAndUnicodePasswordsWithoutTruncating() {
		String name = unique();
		String password = "\uD83D\uDD11".repeat(127) + "a";
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", name + "@example.com", "username", name, "password", password));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);

		assertThat(login(name, password).status()).isEqualTo(200);
		assertThat(login(name, "\uD83D\uDD11".repeat(127) + "b").status()).isEqualTo(401);
	}

	private void assertPasswordRefused(String password, String reason) {
		String name = unique();
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", name + "@example.com", "username", name, "password", password));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.<String>json("$.type")).isEqualTo("https://flux.dev/problems/invalid-request");
		assertThat(reply.<java.util.List<String>>json("$.errors[*].field")).containsExactly("password");
		assertThat(reply.<java.util.List<String>>json("$.errors[*].message"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(reason);
	}

	private void assertInvalid(Map<String, String> request, String field) {
		Http.Reply reply = this.http.post("/api/auth/register", request);
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.<java.util.List<String>>json("$.errors[*].field")).contains(field);
	}

	private long users() {
		return this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
	}

	static String unique() {
		return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

}
