package dev.flux.auth;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/**
 * Per-account throttling of failed sign-ins: growing delay, temporary lock, and the ways
 * out.
 */
class ThrottleTests extends AuthServiceTest {

	@Autowired
	Environment environment;

	@Test
	void delaysAfterFiveFailuresWithRetryAfter() {
		Account account = register();
		for (int i = 0; i < 5; i++) {
			assertThat(login(account.email(), "wrong password " + i).status()).isEqualTo(401);
		}

		Http.Reply throttled = login(account.email(), PASSWORD);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 2L);
	}

	@Test
	void unknownLoginsAreThrottledAlike() {
		String ghost = "ghost-" + System.nanoTime() + "@example.com";
		for (int i = 0; i < 5; i++) {
			assertThat(login(ghost, "wrong password " + i).status()).isEqualTo(401);
		}

		assertThat(login(ghost, PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void locksAfterTenFailuresEvenForTheRightPasswordAndAResetUnlocks() {
		Account account = register();
		for (int failures = 0; failures < 10; failures++) {
			this.jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE subject = ?")
				.param("account:" + account.id())
				.update();
			assertThat(login(account.email(), "wrong password " + failures).status()).isEqualTo(401);
		}

		Http.Reply locked = login(account.email(), PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
		assertThat(this.jdbc.sql("SELECT failures FROM login_throttle WHERE subject = ?")
			.param("account:" + account.id())
			.query(Integer.class)
			.single()).as("kept in the database, so restarts and other instances see it").isEqualTo(10);
		assertThat(this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
			.as("open sessions keep working during a lock")
			.isEqualTo(200);

		try (EventTap tap = tap("user.password_reset_requested")) {
			assertThat(this.http.post("/api/auth/password/forgot", Map.of("email", account.email())).status())
				.isEqualTo(202);
			String token = JsonPath.read(tap.await("user.password_reset_requested", EventTap.about(account.id())),
					"$.payload.token");
			assertThat(this.http
				.post("/api/auth/password/reset", Map.of("token", token, "newPassword", "the owner is back in"))
				.status()).isEqualTo(204);
		}
		assertThat(login(account.email(), "the owner is back in").status()).as("the reset lifted the lock")
			.isEqualTo(200);
	}

	@Test
	void failuresCountAcrossInstancesAndRestarts() {
		Account account = register();
		try (ConfigurableApplicationContext second = secondInstance()) {
			Http other = new Http(second.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			for (int i = 0; i < 5; i++) {
				Http instance = (i % 2 == 0) ? this.http : other;
				assertThat(instance.post("/api/auth/login", Map.of("login", account.email(), "password", "wrong " + i))
					.status()).isEqualTo(401);
			}
			assertThat(other.post("/api/auth/login", Map.of("login", account.email(), "password", PASSWORD)).status())
				.as("five failures on two instances")
				.isEqualTo(429);
			for (int i = 5; i < 10; i++) {
				unblock(account);
				Http instance = (i % 2 == 0) ? this.http : other;
				assertThat(instance.post("/api/auth/login", Map.of("login", account.email(), "password", "wrong " + i))
					.status()).isEqualTo(401);
			}
		}
		try (ConfigurableApplicationContext restarted = secondInstance()) {
			Http http = new Http(restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
			assertThat(http.post("/api/auth/login", Map.of("login", account.email(), "password", PASSWORD)).status())
				.as("a freshly started instance sees the lock")
				.isEqualTo(429);
		}
	}

	@Test
	void theOwnersDeviceSignsInAtOnceWhileAnAttackerIsThrottled() throws Exception {
		Account owner = register();
		Http.Reply first = login(owner.email(), PASSWORD);
		assertThat(first.status()).isEqualTo(200);
		String setCookie = first.header("Set-Cookie");
		assertThat(setCookie).startsWith(DEVICE_COOKIE + "=")
			.contains("HttpOnly")
			.contains("Path=/api/auth")
			.doesNotContain("Secure");
		String device = setCookie.substring(0, setCookie.indexOf(';'));

		for (int failures = 0; failures < 12; failures++) {
			unblock(owner);
			assertThat(fromAnotherAddress(owner.email(), "wrong password " + failures, null).statusCode())
				.isEqualTo(401);
		}
		assertThat(fromAnotherAddress(owner.email(), PASSWORD, null).statusCode()).as("the attacker is locked out")
			.isEqualTo(429);

		Http.Reply owners = this.http.post("/api/auth/login", Map.of("login", owner.email(), "password", PASSWORD),
				null, "Cookie", device);
		assertThat(owners.status()).as("the owner's device is not").isEqualTo(200);
		String renewed = owners.header("Set-Cookie");
		assertThat(fromAnotherAddress(owner.email(), PASSWORD, null).statusCode())
			.as("a new device from the attacker's address is still throttled")
			.isEqualTo(429);
		assertThat(fromAnotherAddress(owner.email(), PASSWORD, "flux_device=forged-" + System.nanoTime()).statusCode())
			.as("a cookie the service did not issue for the account is an unknown device")
			.isEqualTo(429);
		assertThat(this.http
			.post("/api/auth/login", Map.of("login", owner.email(), "password", PASSWORD), null, "Cookie",
					renewed.substring(0, renewed.indexOf(';')))
			.status()).as("the renewed cookie works too").isEqualTo(200);
	}

	@Test
	void aDeviceCookieOfAnotherAccountIsAnUnknownDevice() {
		Account owner = register();
		Account other = register();
		Http.Reply others = login(other.email(), PASSWORD);
		String device = others.header("Set-Cookie").substring(0, others.header("Set-Cookie").indexOf(';'));
		for (int failures = 0; failures < 5; failures++) {
			assertThat(login(owner.email(), "wrong password " + failures).status()).isEqualTo(401);
		}

		assertThat(this.http
			.post("/api/auth/login", Map.of("login", owner.email(), "password", PASSWORD), null, "Cookie", device)
			.status()).isEqualTo(429);
	}

	private static final String DEVICE_COOKIE = "flux_device";

	/** A sign-in from 127.0.0.2, as a client on another machine. */
	private java.net.http.HttpResponse<String> fromAnotherAddress(String login, String password,
			@org.jspecify.annotations.Nullable String cookie) throws Exception {
		try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.localAddress(java.net.InetAddress.getByName("127.0.0.2"))
			.build()) {
			java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/auth/login"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"));
			if (cookie != null) {
				request.header("Cookie", cookie);
			}
			java.net.http.HttpResponse<String> response = client.send(request.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
			return response;
		}
	}

	private void unblock(Account account) {
		this.jdbc.sql("UPDATE login_throttle SET blocked_until = NULL WHERE subject = ?")
			.param("account:" + account.id())
			.update();
	}

	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(AuthServiceApplication.class)
			.properties("server.port=0", "flux.auth.rate-limit.capacity=1000000",
					"flux.auth.rate-limit.per-minute=1000000", "flux.events.consumer.enabled=false")
			.initializers((context) -> TestPropertyValues
				.of("spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
						"spring.rabbitmq.host=" + this.environment.getProperty("spring.rabbitmq.host"),
						"spring.rabbitmq.port=" + this.environment.getProperty("spring.rabbitmq.port"))
				.applyTo(context))
			.run();
	}

	@Test
	void aSuccessfulSignInForgetsEarlierFailures() {
		Account account = register();
		for (int i = 0; i < 4; i++) {
			login(account.email(), "wrong password " + i);
		}
		assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);

		for (int i = 0; i < 4; i++) {
			assertThat(login(account.email(), "wrong again " + i).status()).isEqualTo(401);
		}
		assertThat(login(account.email(), PASSWORD).status()).isEqualTo(200);
	}

}
