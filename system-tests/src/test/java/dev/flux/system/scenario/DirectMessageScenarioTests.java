package dev.flux.system.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dev.flux.system.harness.Accounts;
import dev.flux.system.harness.Accounts.Account;
import dev.flux.system.harness.FluxSystem;
import dev.flux.system.harness.GatewaySocket;
import dev.flux.system.harness.ServiceProcess;
import dev.flux.system.harness.SystemTest;
import dev.flux.testsupport.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Friends and direct messages across instances: two users become friends, DM each other
 * through different chat-service instances with the gateway pushing both ways, a fresh
 * snapshot lists the DM and counts the unread, and an ack reaches the user's other
 * devices, one blocks the other and the next DM is refused without saying so; a privacy
 * setting changed in user-service holds in chat-service within a second.
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
	void friendsDmEachOtherLiveAFreshSnapshotCountsTheUnreadAndABlockRefusesTheNextDmWithoutSayingSo() {
		Account ada = known(this.accounts.register());
		Account bob = known(this.accounts.register());
		ServiceProcess first = this.system.instances("chat-service").getFirst();
		ServiceProcess last = this.system.instances("chat-service").getLast();
		ServiceProcess firstGateway = this.system.instances("notification-service").getFirst();
		ServiceProcess lastGateway = this.system.instances("notification-service").getLast();

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
		await("the DM in a fresh snapshot, with the other one in it").atMost(PROPAGATION)
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(dmRecipients(lastGateway, bob, dm)).containsExactly(ada.username()));
		assertThat(dmRecipients(firstGateway, ada, dm)).containsExactly(bob.username());

		try (GatewaySocket adaSocket = connected(firstGateway, ada);
				GatewaySocket bobLaptop = connected(lastGateway, bob);
				GatewaySocket bobPhone = connected(firstGateway, bob)) {
			String bobAsks = send(last, bob, messages, "bob 0");
			List<String> adaAnswers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				adaAnswers.add(send(first, ada, messages, "ada " + i));
			}
			await("bob's message live on ada's socket").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(ids(adaSocket, "message.sent")).contains(bobAsks));
			await("ada's messages live on bob's socket, in order").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(ids(bobLaptop, "message.sent")).containsSubsequence(adaAnswers));

			assertThat(first.http().get(messages, bob.accessToken()).<List<String>>json("$[*].content"))
				.containsExactly("ada 2", "ada 1", "ada 0", "bob 0");
			Reply unread = last.http().get("/api/channels/" + dm + "/read-state", bob.accessToken());
			assertThat(unread.<Boolean>json("$.unread")).isTrue();
			assertThat(unread.<Integer>json("$.mentionCount")).as("ada's three messages after bob's own").isEqualTo(3);
			await("the unread count in a fresh snapshot").atMost(PROPAGATION)
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(readState(lastGateway, bob, dm)).containsEntry("unread", true)
					.containsEntry("mentionCount", 3)
					.containsEntry("lastReadMessageId", bobAsks));
			assertThat(readState(firstGateway, ada, dm)).as("one's own messages leave nothing unread")
				.containsEntry("unread", false)
				.containsEntry("mentionCount", 0)
				.containsEntry("lastReadMessageId", adaAnswers.getLast());

			assertThat(first.http()
				.post(messages + "/" + adaAnswers.get(1) + "/ack", Map.of(), bob.accessToken())
				.<Integer>json("$.mentionCount")).isEqualTo(1);
			for (GatewaySocket device : List.of(bobLaptop, bobPhone)) {
				await("the ack on bob's other devices").atMost(PROPAGATION)
					.untilAsserted(() -> assertThat(device.frames("read_state.updated"))
						.anySatisfy((frame) -> assertThat(JsonPath.<String>read(frame, "$.payload.lastReadMessageId"))
							.isEqualTo(adaAnswers.get(1))));
			}
			await("the ack in a fresh snapshot").atMost(PROPAGATION)
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(readState(firstGateway, bob, dm)).containsEntry("unread", true)
					.containsEntry("mentionCount", 1)
					.containsEntry("lastReadMessageId", adaAnswers.get(1)));
			assertThat(adaSocket.frames("read_state.updated")).as("bob's acks are his own").isEmpty();

			Account eve = known(this.accounts.register());
			assertThat(last.http().get(messages, eve.accessToken()).status()).isEqualTo(404);

			assertThat(last.http().put("/api/users/me/blocks/" + ada.id(), Map.of(), bob.accessToken()).status())
				.isEqualTo(200);
			Reply refused = first.http().post(messages, Map.of("content", "still there?"), ada.accessToken());
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.<String>json("$.type")).endsWith("dm-refused");
			assertThat(refused.<String>json("$.detail")).doesNotContainIgnoringCase("block");
			await("the block on bob's own sockets").atMost(PROPAGATION)
				.until(() -> !bobLaptop.frames("relationship.blocked").isEmpty());
			assertThat(adaSocket.frames("relationship.blocked")).as("the blocked user is never told").isEmpty();
		}
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

	/** A gateway socket of the account that got its snapshot. */
	private static GatewaySocket connected(ServiceProcess gateway, Account account) {
		GatewaySocket socket = GatewaySocket.open(gateway, account.accessToken());
		await("the snapshot").atMost(PROPAGATION).until(() -> !socket.frames("snapshot").isEmpty());
		return socket;
	}

	/**
	 * The usernames of the others in a 1:1 DM, as the snapshot of a new socket lists the
	 * account's DMs.
	 */
	private static List<String> dmRecipients(ServiceProcess gateway, Account account, String channelId) {
		try (GatewaySocket socket = connected(gateway, account)) {
			String snapshot = socket.frames("snapshot").getFirst();
			List<String> kinds = JsonPath.read(snapshot,
					"$.payload.directMessages[?(@.id == '" + channelId + "')].kind");
			assertThat(kinds).as("the DM in the snapshot, and its kind").containsExactly("dm");
			return JsonPath.read(snapshot,
					"$.payload.directMessages[?(@.id == '" + channelId + "')].recipients[*].username");
		}
	}

	/** The account's read state of the channel in the snapshot of a new socket. */
	private static Map<String, Object> readState(ServiceProcess gateway, Account account, String channelId) {
		try (GatewaySocket socket = connected(gateway, account)) {
			List<Map<String, Object>> states = JsonPath.read(socket.frames("snapshot").getFirst(),
					"$.payload.readStates[?(@.channelId == '" + channelId + "')]");
			assertThat(states).as("the channel's read state in the snapshot").hasSize(1);
			return states.getFirst();
		}
	}

	private static String send(ServiceProcess chat, Account author, String messages, String content) {
		Reply sent = chat.http().post(messages, Map.of("content", content), author.accessToken());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json("$.id");
	}

	private static List<String> ids(GatewaySocket socket, String type) {
		return socket.frames(type)
			.stream()
			.map((frame) -> JsonPath.<String>read(frame, "$.payload.messageId"))
			.toList();
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
