package dev.flux.auth;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-account throttling of failed sign-ins: growing delay, temporary lock, and the ways
 * out.
 */
class ThrottleTests extends AuthServiceTest {

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	RabbitTemplate rabbit;

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

		try (EventTap tap = new EventTap(this.amqp, this.rabbit, "user.password_reset_requested")) {
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
