package dev.flux.system.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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
 * Two people chat, with every service running as two processes: one creates a server and
 * an invite, the other joins, each is connected to a different gateway instance, and
 * messages sent to either chat-service instance reach both sockets in the order they were
 * sent; an edit and a delete follow, and a mention lands in the inbox of the mentioned.
 */
@SystemTest
@Order(5)
class ChatScenarioTests {

	private static final Duration PROPAGATION = Duration.ofSeconds(60);

	private final FluxSystem system;

	private final Accounts accounts;

	ChatScenarioTests(FluxSystem system) {
		this.system = system;
		this.accounts = new Accounts(system);
	}

	@Test
	void twoMembersChatLiveThroughTwoGatewayInstances() {
		Account alice = this.accounts.register();
		Account bob = this.accounts.register();

		Reply server = await("alice's server (chat-service knows her once user.created arrives)").atMost(PROPAGATION)
			.until(() -> chat().post("/api/servers", Map.of("name", "Tea room"), alice.accessToken()),
					(reply) -> reply.status() == 201);
		String general = server.json("$.channels[0].id");
		Reply invite = chat().post("/api/channels/" + general + "/invites", Map.of(), alice.accessToken());
		assertThat(invite.status()).as(invite.body()).isEqualTo(201);
		String code = invite.json("$.code");
		await("bob joins through the invite").atMost(PROPAGATION)
			.until(() -> chat().post("/api/invites/" + code, Map.of(), bob.accessToken()).status() == 200);

		try (GatewaySocket aliceSocket = GatewaySocket.open(this.system.instance("notification-service", 1),
				alice.accessToken());
				GatewaySocket bobSocket = GatewaySocket.open(this.system.instance("notification-service", 2),
						bob.accessToken())) {
			await("both snapshots").atMost(PROPAGATION)
				.until(() -> !aliceSocket.frames("snapshot").isEmpty() && !bobSocket.frames("snapshot").isEmpty());

			List<String> sent = List.of(send(alice, general, "hello bob"), send(bob, general, "hi alice"),
					send(alice, general, "how are you?"), send(bob, general, "fine, thanks"));
			for (GatewaySocket socket : List.of(aliceSocket, bobSocket)) {
				await("the four messages on each socket, in order").atMost(PROPAGATION)
					.untilAsserted(() -> assertThat(ids(socket, "message.sent")).containsExactlyElementsOf(sent));
			}

			Reply edited = chat().patch("/api/channels/" + general + "/messages/" + sent.get(1),
					Map.of("content", "hi alice!"), bob.accessToken());
			assertThat(edited.status()).as(edited.body()).isEqualTo(200);
			Reply deleted = chat().delete("/api/channels/" + general + "/messages/" + sent.get(2), null,
					alice.accessToken());
			assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
			for (GatewaySocket socket : List.of(aliceSocket, bobSocket)) {
				await("the edit and the delete on each socket").atMost(PROPAGATION).untilAsserted(() -> {
					assertThat(socket.frames("message.edited")).singleElement()
						.satisfies((frame) -> assertThat(JsonPath.<String>read(frame, "$.payload.content"))
							.isEqualTo("hi alice!"));
					assertThat(ids(socket, "message.deleted")).containsExactly(sent.get(2));
				});
			}

			String mention = send(alice, general, "<@" + bob.id() + "> see you at five");
			await("the mention in bob's inbox").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(this.system.http("notification-service")
					.get("/api/notifications", bob.accessToken())
					.<List<String>>json("$.items[?(@.type == 'mention')].data.messageId")).containsExactly(mention));
			await("the mention pushed to bob's socket").atMost(PROPAGATION)
				.untilAsserted(() -> assertThat(bobSocket.frames("notification.created")).anySatisfy(
						(frame) -> assertThat(JsonPath.<String>read(frame, "$.payload.type")).isEqualTo("mention")));
			assertThat(this.system.http("notification-service")
				.get("/api/notifications", alice.accessToken())
				.<List<String>>json("$.items[*].type")).as("the author is not notified of her own mention")
				.doesNotContain("mention");
		}
	}

	private String send(Account author, String channelId, String content) {
		Reply reply = chat().post("/api/channels/" + channelId + "/messages", Map.of("content", content),
				author.accessToken());
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json("$.id");
	}

	private static List<String> ids(GatewaySocket socket, String type) {
		return socket.frames(type)
			.stream()
			.map((frame) -> JsonPath.<String>read(frame, "$.payload.messageId"))
			.toList();
	}

	private dev.flux.testsupport.Http chat() {
		return this.system.http("chat-service");
	}

}
