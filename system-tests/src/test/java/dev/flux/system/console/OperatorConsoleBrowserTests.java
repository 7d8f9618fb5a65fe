package dev.flux.system.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserUpdated;
import dev.flux.system.fault.Producer;
import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.MailCatcher.Mail;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator uses the console in Chromium, driven by Playwright
 * ({@code src/test/playwright/console.spec.mjs}): signs in with an account that
 * {@code FLUX_AUTH_ADMINS} made an admin, sees a registration's event arrive live, and
 * replays a dead letter of user-service once its cause is fixed. Screenshots are in
 * {@code target/playwright/}.
 */
@SystemTest
class OperatorConsoleBrowserTests {

	private final FluxSystem system;

	OperatorConsoleBrowserTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	void anOperatorSeesEventsLiveAndReplaysADeadLetterInTheBrowser() throws Exception {
		Account operator = verifiedOperator();
		UUID user = UUID.randomUUID();
		String name = "console_" + user.toString().substring(0, 8);
		String email = name + "@example.com";
		Producer producer = new Producer(this.system);
		// A rename of a user user-service has never heard of: retried, then
		// dead-lettered.
		EventEnvelope poison = producer.publish(new UserUpdated(user, Set.of("username"), name, email, false), user, 2);
		long deadLetter = await("the poison in user-service's dead letters").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> deadLetterOf(poison.eventId()), (id) -> id > 0);
		// The fix, before the operator replays: the user's creation arrives.
		producer.publish(new UserCreated(user, "first_" + name, email, false), user, 1);

		Playwright.run(Map.of("FLUX_CONSOLE_URL", "http://localhost:" + this.system.operatorConsole().port(),
				"FLUX_AUTH_URL", "http://localhost:" + this.system.instance("auth-service", 1).port(),
				"FLUX_OPERATOR_LOGIN", operator.username(), "FLUX_OPERATOR_PASSWORD", operator.password(),
				"FLUX_DEAD_LETTER_ID", String.valueOf(deadLetter)));

		String token = this.system.http("auth-service")
			.post("/api/auth/login", Map.of("login", operator.username(), "password", operator.password()))
			.json("$.accessToken");
		await("the replayed rename applied").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			Reply profile = this.system.http("user-service").get("/api/users/" + user, token);
			assertThat(profile.status()).as(profile.body()).isEqualTo(200);
			assertThat(profile.<String>json("$.username")).isEqualTo(name);
		});
	}

	/** The operator's account, its address verified through the mailed link. */
	private Account verifiedOperator() {
		Account operator = new Accounts(this.system).registerAs(FluxSystem.OPERATOR_EMAIL);
		Mail verification = await("the operator's verification mail").atMost(Duration.ofMinutes(2))
			.until(() -> this.system.mail()
				.to(operator.email())
				.stream()
				.filter((mail) -> mail.subject().startsWith("Confirm"))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		Reply verified = this.system.http("auth-service")
			.post("/api/auth/verify-email", Map.of("token", Accounts.linkToken(verification.body())));
		assertThat(verified.status()).as(verified.body()).isEqualTo(204);
		return operator;
	}

	/** The id of user-service's DEAD letter of an event, 0 while there is none. */
	private long deadLetterOf(UUID eventId) throws SQLException {
		try (Connection connection = this.system.databases().connect("user");
				PreparedStatement query = connection.prepareStatement(
						"SELECT id FROM flux_events.dead_letters WHERE event_id = ? AND status = 'DEAD'")) {
			query.setString(1, eventId.toString());
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getLong(1) : 0;
			}
		}
	}

}
