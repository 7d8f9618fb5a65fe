package dev.flux.system.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.GatewaySocket;
import dev.flux.system.harness.MailCatcher.Mail;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new user signs up and confirms their address, with every service running as two
 * processes: the profile appears in user-service, the welcome and verification emails
 * arrive once each, the inbox and a socket opened right after sign-up get the news, and
 * the mailed link verifies the address everywhere.
 */
@SystemTest
@Order(1)
class RegistrationScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	private final Accounts accounts;

	RegistrationScenarioTests(FluxSystem system) {
		this.system = system;
		this.accounts = new Accounts(system);
	}

	@Test
	void signUpReachesEveryServiceAndTheMailedLinkVerifiesTheAddress() throws Exception {
		// A .test address, as a tester's: the first sign-up with one once answered 500.
		Account account = this.accounts.register("flux.test");
		try (GatewaySocket socket = GatewaySocket.open(this.system.instances("notification-service").getLast(),
				account.accessToken())) {
			await("the profile in user-service").atMost(PROPAGATION).untilAsserted(() -> {
				Reply profile = this.system.http("user-service").get("/api/users/me", account.accessToken());
				assertThat(profile.status()).isEqualTo(200);
				assertThat(profile.<String>json("$.username")).isEqualTo(account.username());
			});
			await("the welcome and verification emails").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(subjects(account)).containsExactlyInAnyOrder("Welcome to Flux",
						"Confirm your email address for Flux"));
			await("the welcome notification in the inbox").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(this.system.http("notification-service")
					.get("/api/notifications", account.accessToken())
					.<Integer>json("$.totalItems")).isEqualTo(1));
			await("the welcome notification on the socket, in its snapshot or pushed").atMost(PROPAGATION)
				.untilAsserted(
						() -> assertThat(socket.frames("notification.created").size() + socket.frames("snapshot")
							.stream()
							.mapToInt((frame) -> com.jayway.jsonpath.JsonPath
								.<List<Object>>read(frame, "$.payload.notifications")
								.size())
							.sum()).isEqualTo(1));

			Mail verification = this.system.mail()
				.to(account.email())
				.stream()
				.filter((mail) -> mail.subject().startsWith("Confirm"))
				.findFirst()
				.orElseThrow();
			Reply verified = this.system.http("auth-service")
				.post("/api/auth/verify-email", Map.of("token", Accounts.linkToken(verification.body())));
			assertThat(verified.status()).as(verified.body()).isEqualTo(204);

			assertThat(this.system.http("auth-service")
				.get("/api/auth/me", account.accessToken())
				.<Boolean>json("$.emailVerified")).isTrue();
			await("user.updated pushed to the socket").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(socket.frames("user.updated"))
					.anySatisfy((frame) -> assertThat(frame).contains("\"emailVerified\":true")));
			await("notification-service and user-service learn the verified address").atMost(PROPAGATION)
				.untilAsserted(() -> {
					assertThat(this.system.http("notification-service")
						.get("/api/notifications", account.accessToken())
						.<Integer>json("$.totalItems")).isEqualTo(2);
					assertThat(accountVersionInUserService(account)).isEqualTo(2);
				});
		}
		assertThat(subjects(account)).as("each email once").hasSize(2);
	}

	private List<String> subjects(Account account) {
		return this.system.mail().to(account.email()).stream().map(Mail::subject).toList();
	}

	private long accountVersionInUserService(Account account) throws Exception {
		try (Connection connection = this.system.databases().connect("user");
				PreparedStatement query = connection
					.prepareStatement("SELECT account_version FROM user_profiles WHERE user_id = ?")) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getLong(1) : 0;
			}
		}
	}

}
