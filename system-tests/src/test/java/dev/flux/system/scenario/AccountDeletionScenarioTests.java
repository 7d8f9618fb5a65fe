package dev.flux.system.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.GatewaySocket;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deleting an account: sockets open on every gateway instance close with 4010, and
 * nothing about the user can be read through any service's API any more, nor is left in
 * their databases beyond ids and versions.
 */
@SystemTest
@Order(4)
class AccountDeletionScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	AccountDeletionScenarioTests(FluxSystem system) {
		this.system = system;
	}

	@Test
	void deletionClosesSocketsAndLeavesNothingReadable() throws Exception {
		Account account = new Accounts(this.system).register();
		await("the profile in user-service").atMost(PROPAGATION)
			.untilAsserted(
					() -> assertThat(this.system.http("user-service").get("/api/users/" + account.id(), null).status())
						.isEqualTo(200));
		await("the recipient in notification-service").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(rows("notification", "recipients", account)).isEqualTo(1));
		List<GatewaySocket> sockets = this.system.instances("notification-service")
			.stream()
			.map((gateway) -> GatewaySocket.open(gateway, account.accessToken()))
			.toList();
		try {
			await("the snapshots").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(sockets)
					.allSatisfy((socket) -> assertThat(socket.frames("snapshot")).hasSize(1)));

			Reply deleted = this.system.http("auth-service")
				.delete("/api/auth/me", Map.of("password", account.password()), account.accessToken());

			assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
			for (GatewaySocket socket : sockets) {
				assertThat(socket.closed().get(60, TimeUnit.SECONDS)).isEqualTo(4010);
			}
		}
		finally {
			sockets.forEach(GatewaySocket::close);
		}
		await("nothing readable in any service").atMost(PROPAGATION).untilAsserted(() -> {
			for (var users : this.system.instances("user-service")) {
				assertThat(users.http().get("/api/users/" + account.id(), null).status()).isEqualTo(404);
				assertThat(users.http().get("/api/users?username=" + account.username(), null).body())
					.doesNotContain(account.id().toString());
			}
			assertThat(rows("user", "user_profiles", account)).isZero();
			assertThat(rows("notification", "recipients", account)).isZero();
			assertThat(rows("notification", "notifications", account)).isZero();
		});
		for (String service : List.of("auth-service", "user-service", "notification-service")) {
			String path = switch (service) {
				case "auth-service" -> "/api/auth/me";
				case "user-service" -> "/api/users/me";
				default -> "/api/notifications";
			};
			assertThat(this.system.http(service).get(path, account.accessToken()).status())
				.as("the deleted account's token at %s", service)
				.isEqualTo(401);
		}
	}

	private long rows(String service, String table, Account account) throws Exception {
		try (Connection connection = this.system.databases().connect(service);
				PreparedStatement query = connection
					.prepareStatement("SELECT count(*) FROM " + table + " WHERE user_id = ?")) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

}
