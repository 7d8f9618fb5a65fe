package dev.flux.system.scenario;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.MailCatcher.Mail;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A forgotten password reset through the mailed link: the old refresh token is refused by
 * every auth-service instance afterwards, the new password works, and the owner is told
 * by mail.
 */
@SystemTest
@Order(3)
class PasswordResetScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	PasswordResetScenarioTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	void aResetByMailRefusesTheOldRefreshToken() {
		Account account = new Accounts(this.system).register();
		assertThat(this.system.http("auth-service")
			.post("/api/auth/password/forgot", Map.of("email", account.email()))
			.status()).isEqualTo(202);
		Mail reset = await("the reset email").atMost(PROPAGATION)
			.until(() -> this.system.mail()
				.to(account.email())
				.stream()
				.filter((mail) -> mail.subject().equals("Reset your Flux password"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		String newPassword = "a brand new passphrase " + account.username();

		Reply done = this.system.http("auth-service")
			.post("/api/auth/password/reset",
					Map.of("token", Accounts.linkToken(reset.body()), "newPassword", newPassword));

		assertThat(done.status()).as(done.body()).isEqualTo(204);
		this.system.instances("auth-service")
			.forEach((instance) -> assertThat(
					instance.http().post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken())).status())
				.as("the old refresh token at %s", instance)
				.isEqualTo(401));
		assertThat(this.system.http("auth-service")
			.post("/api/auth/login", Map.of("login", account.email(), "password", account.password()))
			.status()).isEqualTo(401);
		assertThat(this.system.http("auth-service")
			.post("/api/auth/login", Map.of("login", account.email(), "password", newPassword))
			.status()).isEqualTo(200);
		await("the password-changed email").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(this.system.mail().to(account.email())).extracting(Mail::subject)
				.containsOnlyOnce("Your Flux password was changed"));
	}

}
