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
import dev.flux.system.harness.MailCatcher.Mail;
import dev.flux.system.harness.ServiceProcess;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renames and an email change sent to different auth-service instances, profile edits to
 * different user-service instances: every service ends with the latest values, and the
 * mail goes where it should.
 */
@SystemTest
@Order(2)
class AccountChangesScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	private final Accounts accounts;

	AccountChangesScenarioTests(FluxSystem system) {
		this.system = system;
		this.accounts = new Accounts(system);
	}

	@Test
	void everyServiceEndsWithTheLatestNameAndAddressWhicheverInstanceHandledWhat() throws Exception {
		Account account = this.accounts.register();
		awaitProfile(account);
		List<ServiceProcess> auth = this.system.instances("auth-service");
		String newEmail = "moved." + account.email();
		String finalName = account.username() + "_2";

		assertThat(auth.getFirst()
			.http()
			.patch("/api/auth/me", Map.of("username", account.username() + "_1"), account.accessToken())
			.status()).isEqualTo(200);
		Reply moved = auth.getLast()
			.http()
			.patch("/api/auth/me", Map.of("email", newEmail, "currentPassword", account.password()),
					account.accessToken());
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(auth.getFirst()
			.http()
			.patch("/api/auth/me", Map.of("username", finalName), account.accessToken())
			.status()).isEqualTo(200);
		for (ServiceProcess users : this.system.instances("user-service")) {
			assertThat(users.http()
				.patch("/api/users/me/profile", Map.of("displayName", "Shown as " + users.name()),
						account.accessToken())
				.status()).isEqualTo(200);
		}
		String finalDisplayName = "Shown as " + this.system.instances("user-service").getLast().name();

		await("the latest values in every service").atMost(PROPAGATION).untilAsserted(() -> {
			for (ServiceProcess users : this.system.instances("user-service")) {
				Reply profile = users.http().get("/api/users/" + account.id(), account.accessToken());
				assertThat(profile.status()).as(profile.body()).isEqualTo(200);
				assertThat(profile.<String>json("$.username")).isEqualTo(finalName);
				assertThat(profile.<String>json("$.displayName")).isEqualTo(finalDisplayName);
			}
			assertThat(recipient(account)).containsExactly(finalName, newEmail, finalDisplayName);
		});
		for (ServiceProcess instance : auth) {
			Reply me = instance.http().get("/api/auth/me", account.accessToken());
			assertThat(me.<String>json("$.username")).isEqualTo(finalName);
			assertThat(me.<String>json("$.email")).isEqualTo(newEmail);
		}
		await("the change notice at the old address, the confirmation at the new one").atMost(PROPAGATION)
			.untilAsserted(() -> {
				assertThat(this.system.mail().to(account.email())).extracting(Mail::subject)
					.contains("Your Flux email address was changed");
				assertThat(this.system.mail().to(newEmail)).extracting(Mail::subject)
					.containsExactly("Confirm your email address for Flux");
			});
	}

	private void awaitProfile(Account account) {
		await("the profile in user-service").atMost(PROPAGATION)
			.untilAsserted(() -> assertThat(
					this.system.http("user-service").get("/api/users/me", account.accessToken()).status())
				.isEqualTo(200));
	}

	/** What notification-service holds about the user: username, email, display name. */
	private List<String> recipient(Account account) throws Exception {
		try (Connection connection = this.system.databases().connect("notification");
				PreparedStatement query = connection
					.prepareStatement("SELECT username, email, display_name FROM recipients WHERE user_id = ?")) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				return result.next()
						? java.util.Arrays.asList(result.getString(1), result.getString(2), result.getString(3))
						: List.of();
			}
		}
	}

}
