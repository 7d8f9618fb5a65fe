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
import dev.flux.system.harness.ServiceProcess;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Friends and direct messages across instances: two users become friends, DM each other
 * through different chat-service instances, one blocks the other and the next DM is
 * refused; a privacy setting changed in user-service holds in chat-service within a
 * second.
 */
@SystemTest
@Order(5)
class DirectMessageScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	private final Accounts accounts;

	DirectMessageScenarioTests(FluxSystem system) {
		this.system = system;
		this.accounts = new Accounts(system);
	}

	@Test
	void friendsDmEachOtherAndABlockRefusesTheNextDmWithoutSayingSo() {
		Account ada = known(this.accounts.register());
		Account bob = known(this.accounts.register());
		ServiceProcess first = this.system.instances("chat-service").getFirst();
		ServiceProcess last = this.system.instances("chat-service").getLast();

		assertThat(first.http()
			.put("/api/users/me/relationships/" + bob.id(), Map.of(), ada.accessToken())
			.<String>json("$.type")).isEqualTo("outgoing");
		assertThat(last.http()
			.post("/api/users/me/relationships/" + ada.id() + "/accept", Map.of(), bob.accessToken())
			.<String>json("$.type")).isEqualTo("friend");
		Reply opened = first.http().post("/api/dms", Map.of("recipientId", bob.id().toString()), ada.accessToken());
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String dm = opened.json("$.id");
		assertThat(last.http()
			.post("/api/dms", Map.of("recipientId", ada.id().toString()), bob.accessToken())
			.<String>json("$.id")).isEqualTo(dm);
		String messages = "/api/channels/" + dm + "/messages";
		for (int i = 0; i < 3; i++) {
			assertThat(first.http().post(messages, Map.of("content", "ada " + i), ada.accessToken()).status())
				.isEqualTo(201);
		}
		assertThat(last.http().post(messages, Map.of("content", "bob 0"), bob.accessToken()).status()).isEqualTo(201);

		assertThat(first.http().get(messages, bob.accessToken()).<List<String>>json("$[*].content"))
			.containsExactly("bob 0", "ada 2", "ada 1", "ada 0");
		Reply unread = last.http().get("/api/channels/" + dm + "/read-state", bob.accessToken());
		assertThat(unread.<Boolean>json("$.unread")).isTrue();
		assertThat(unread.<Integer>json("$.mentionCount")).as("ada's three messages after bob's last read")
			.isEqualTo(3);
		Account eve = known(this.accounts.register());
		assertThat(last.http().get(messages, eve.accessToken()).status()).isEqualTo(404);

		assertThat(last.http().put("/api/users/me/blocks/" + ada.id(), Map.of(), bob.accessToken()).status())
			.isEqualTo(200);
		Reply refused = first.http().post(messages, Map.of("content", "still there?"), ada.accessToken());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.<String>json("$.type")).endsWith("dm-refused");
		assertThat(refused.<String>json("$.detail")).doesNotContainIgnoringCase("block");
	}

	@Test
	void aPrivacyChangeInUserServiceHoldsInChatServiceWithinASecond() throws Exception {
		Account ada = known(this.accounts.register());
		Account bob = known(this.accounts.register());

		Reply changed = this.system.http("user-service")
			.patch("/api/users/me/settings", Map.of("allowDirectMessages", false), bob.accessToken());
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		long changedAt = System.nanoTime();

		await("chat-service's privacy projection").atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> !allowsDirectMessages(bob));
		long tookMillis = (System.nanoTime() - changedAt) / 1_000_000;
		Reply refused = this.system.http("chat-service")
			.post("/api/dms", Map.of("recipientId", bob.id().toString()), ada.accessToken());
		assertThat(refused.status()).as("took %d ms", tookMillis).isEqualTo(403);
		assertThat(refused.<String>json("$.type")).endsWith("dm-refused");
	}

	/** The account once chat-service knows it (its user.created arrived). */
	private Account known(Account account) {
		await("the user in chat-service's projection").atMost(PROPAGATION).until(() -> exists(account));
		return account;
	}

	private boolean exists(Account account) throws Exception {
		try (Connection connection = this.system.databases().connect("chat");
				PreparedStatement query = connection.prepareStatement("SELECT 1 FROM chat_users WHERE user_id = ?")) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	private boolean allowsDirectMessages(Account account) throws Exception {
		try (Connection connection = this.system.databases().connect("chat");
				PreparedStatement query = connection
					.prepareStatement("SELECT allow_direct_messages FROM chat_users WHERE user_id = ?")) {
			query.setObject(1, account.id());
			try (ResultSet result = query.executeQuery()) {
				return !result.next() || result.getBoolean(1);
			}
		}
	}

}
