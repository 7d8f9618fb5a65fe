package dev.flux.notification;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.topology.FluxTopology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realtime gateway with a Java WebSocket client: identify, snapshot, events pushed as
 * other services publish them, resume after a reconnect, actions and their answers,
 * presence, and every refusal.
 */
class GatewayTests extends NotificationServiceTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	AmqpAdmin amqp;

	@Test
	void sendsTheSnapshotThenTheUsersEventsAsOtherServicesPublishThem() {
		User user = registered();
		try (WsClient client = WsClient.connect(this.port, user.token())) {
			DocumentContext snapshot = client.await("snapshot");
			assertThat(snapshot.<Integer>read("$.payload.unreadCount")).isEqualTo(1);
			assertThat(snapshot.<String>read("$.payload.notifications[0].type")).isEqualTo("welcome");
			assertThat(snapshot.<String>read("$.payload.user.username")).isEqualTo(user.username());
			assertThat(snapshot.<String>read("$.payload.user.displayName"))
				.as("the display name is the username until one is set")
				.isEqualTo(user.username());
			assertThat(snapshot.<String>read("$.payload.user.status")).isEqualTo("online");
			assertThat(snapshot.<String>read("$.payload.presence")).isEqualTo("online");
			assertThat(snapshot.<String>read("$.payload.sessionId")).isNotBlank();

			EventEnvelope profile = publish(
					new ProfileUpdated(user.id(), Set.of("displayName"), "Ada", null, null, "online"), user.id(), 1,
					"user-service");
			DocumentContext pushed = client.await("profile.updated");
			assertThat(pushed.<String>read("$.payload.displayName")).isEqualTo("Ada");
			assertThat(pushed.<Integer>read("$.seq")).isEqualTo(1);
			assertThat(pushed.<String>read("$.meta.correlationId")).isEqualTo(profile.correlationId().toString());

			publish(new PasswordChanged(user.id(), user.username(), user.email(), "changed"), user.id(), 2,
					"auth-service");
			DocumentContext notification = client.await("notification.created");
			assertThat(notification.<String>read("$.payload.type")).isEqualTo("password_changed");
			assertThat(notification.<Integer>read("$.seq")).isEqualTo(2);
			String id = notification.read("$.payload.id");
			await().atMost(PATIENCE)
				.until(() -> this.http.get("/api/notifications", user.token())
					.<List<String>>json("$.items[*].id")
					.contains(id));
		}
	}

	@Test
	void resumesAfterAReconnectWithoutLosingAnEvent() {
		User user = registered();
		WsClient first = WsClient.connect(this.port, user.token());
		String sessionId = first.await("snapshot").read("$.payload.sessionId");
		publish(profile(user, "one"), user.id(), 1, "user-service");
		assertThat(first.await("profile.updated").<Integer>read("$.seq")).isEqualTo(1);

		first.drop();
		publish(profile(user, "two"), user.id(), 2, "user-service");
		try (WsClient second = WsClient.connect(this.port)) {
			UUID resume = second.send("resume", Map.of("token", user.token(), "sessionId", sessionId, "seq", 1));
			assertThat(second.answer(resume).<String>read("$.type")).isEqualTo("resumed");
			second.await("profile.updated", (frame) -> "two".equals(frame.read("$.payload.displayName")));
			publish(profile(user, "three"), user.id(), 3, "user-service");
			second.await("profile.updated", (frame) -> "three".equals(frame.read("$.payload.displayName")));

			assertThat(second.all("snapshot")).isEmpty();
			assertThat(second.pushed()).extracting((frame) -> frame.<Integer>read("$.seq")).containsExactly(2, 3);
			assertThat(second.pushed()).extracting((frame) -> frame.<String>read("$.payload.displayName"))
				.containsExactly("two", "three");
		}
	}

	@Test
	void answersAnUnknownSessionWithInvalidSessionSoTheClientIdentifiesAgain() {
		User user = registered();
		try (WsClient client = WsClient.connect(this.port)) {
			UUID resume = client.send("resume",
					Map.of("token", user.token(), "sessionId", UUID.randomUUID().toString(), "seq", 3));

			assertThat(client.answer(resume).<String>read("$.type")).isEqualTo("invalid_session");
		}
	}

	@Test
	void neverPushesAnotherUsersEvents() {
		User alice = registered();
		User bob = registered();
		try (WsClient aliceClient = WsClient.connect(this.port, alice.token());
				WsClient bobClient = WsClient.connect(this.port, bob.token())) {
			aliceClient.await("snapshot");
			bobClient.await("snapshot");

			publish(profile(bob, "bob"), bob.id(), 1, "user-service");
			publish(new PasswordChanged(bob.id(), bob.username(), bob.email(), "changed"), bob.id(), 2, "auth-service");
			publish(profile(alice, "alice"), alice.id(), 1, "user-service");
			bobClient.await("notification.created");
			aliceClient.await("profile.updated");

			assertThat(aliceClient.pushed()).hasSize(1);
			assertThat(aliceClient.pushed().get(0).<String>read("$.payload.displayName")).isEqualTo("alice");
		}
	}

	@Test
	void identifiesWithAFirstMessageAndAnswersEveryActionWithItsCorrelationId() {
		User user = registered();
		try (WsClient client = WsClient.connect(this.port)) {
			assertThat(client.await("hello").<Integer>read("$.payload.heartbeatInterval")).isEqualTo(30_000);
			UUID early = client.send("mark_read", Map.of("all", true));
			assertThat(client.answer(early).<String>read("$.type")).isEqualTo("failed_authentication");

			UUID identify = client.send("identify", Map.of("token", user.token()));
			DocumentContext snapshot = client.answer(identify);
			assertThat(snapshot.<String>read("$.type")).isEqualTo("snapshot");
			String welcome = snapshot.read("$.payload.notifications[0].id");

			UUID unknown = client.send("mark_read", Map.of("notificationId", UUID.randomUUID().toString()));
			UUID invalid = client.send("set_presence", Map.of("status", "invisible"));
			UUID nonsense = client.send("dance", Map.of());
			UUID read = client.send("mark_read", Map.of("notificationId", welcome));
			UUID heartbeat = client.send("heartbeat", Map.of());
			client.sendRaw("{not json");

			assertThat(client.answer(unknown).<String>read("$.type")).isEqualTo("failed_validation");
			assertThat(client.answer(unknown).<String>read("$.payload.errors[0].field"))
				.isEqualTo("payload.notificationId");
			assertThat(client.answer(invalid).<String>read("$.type")).isEqualTo("failed_validation");
			assertThat(client.answer(nonsense).<String>read("$.type")).isEqualTo("failed_validation");
			assertThat(client.answer(read).<String>read("$.type")).isEqualTo("ack");
			assertThat(client.answer(read).<Integer>read("$.payload.result.unreadCount")).isEqualTo(0);
			assertThat(client.answer(heartbeat).<String>read("$.type")).isEqualTo("heartbeat_ack");
			await().atMost(PATIENCE).until(() -> client.all("failed_validation").size() == 4);
			assertThat(this.http.get("/api/notifications/unread-count", user.token()).<Integer>json("$.unreadCount"))
				.isEqualTo(0);
		}
	}

	@Test
	void refusesAnExpiredTokenInTheHandshakeAndInIdentify() {
		User user = user();
		String expired = TOKENS.token().subject(user.id().toString()).expiresAt(Instant.now().minusSeconds(60)).sign();

		assertThat(refusal(Map.of("Authorization", "Bearer " + expired))).isEqualTo(401);
		try (WsClient client = WsClient.connect(this.port)) {
			UUID identify = client.send("identify", Map.of("token", expired));

			assertThat(client.answer(identify).<String>read("$.type")).isEqualTo("failed_authentication");
			await().atMost(PATIENCE).until(() -> client.closeCode() == 4004);
			assertThat(client.all("snapshot")).isEmpty();
		}
	}

	@Test
	void refusesABrowserFromAnotherOrigin() {
		User user = registered();

		assertThat(refusal(Map.of("Authorization", "Bearer " + user.token(), "Origin", "https://evil.example")))
			.isEqualTo(403);
		try (WsClient allowed = WsClient.connect(this.port,
				Map.of("Authorization", "Bearer " + user.token(), "Origin", "https://chat.example"))) {
			allowed.await("snapshot");
		}
	}

	@Test
	void refusesAHandshakeWhoseOriginIsNotAnOrigin() {
		User user = registered();

		for (String origin : List.of("http://localhost:3000x", "http://chat.example:99999999999", "not an origin",
				"http://", "https://chat.example/path?q")) {
			assertThat(refusal(Map.of("Authorization", "Bearer " + user.token(), "Origin", origin))).as(origin)
				.isEqualTo(403);
		}
	}

	@Test
	void aResumeWithASequenceNumberPastLongIsRefusedAndKeepsTheSocket() {
		User user = registered();
		try (WsClient client = WsClient.connect(this.port, user.token())) {
			client.await("snapshot");

			client.sendRaw("{\"type\":\"resume\",\"meta\":{\"correlationId\":\"" + UUID.randomUUID()
					+ "\"},\"payload\":{\"token\":\"" + user.token()
					+ "\",\"sessionId\":\"s\",\"seq\":99999999999999999999999}}");

			assertThat(client.await("failed_validation").<String>read("$.payload.errors[0].field"))
				.isEqualTo("payload.seq");
			UUID heartbeat = client.send("heartbeat", Map.of());
			assertThat(client.answer(heartbeat).<String>read("$.type")).isEqualTo("heartbeat_ack");
			assertThat(client.closeCode()).isEqualTo(-1);
		}
	}

	@Test
	void publishesPresenceOnTheFirstConnectionAndTheLastDisconnectionOnly() {
		User user = registered();
		String tap = "notification.service.tap." + UUID.randomUUID();
		this.amqp.declareQueue(new Queue(tap, false, false, false));
		this.amqp.declareBinding(new Binding(tap, Binding.DestinationType.QUEUE, FluxTopology.EVENTS_EXCHANGE,
				"presence.updated", null));
		try {
			WsClient phone = WsClient.connect(this.port, user.token());
			phone.await("snapshot");
			WsClient laptop = WsClient.connect(this.port, user.token());
			laptop.await("snapshot");
			phone.close();
			String online = awaitPresence(tap, user.id());
			assertThat(JsonPath.<String>read(online, "$.payload.status")).isEqualTo("online");

			laptop.close();
			String offline = awaitPresence(tap, user.id());
			assertThat(JsonPath.<String>read(offline, "$.payload.status")).isEqualTo("offline");
			assertThat(JsonPath.<Integer>read(offline, "$.aggregateVersion"))
				.isEqualTo(JsonPath.<Integer>read(online, "$.aggregateVersion") + 1);
			assertThat(JsonPath.<String>read(offline, "$.producer")).isEqualTo("notification-service");
			Message more = this.rabbit.receive(tap, 1000);
			assertThat((more != null) ? new String(more.getBody(), StandardCharsets.UTF_8) : "")
				.doesNotContain(user.id().toString());
		}
		finally {
			this.amqp.deleteQueue(tap);
		}
	}

	/** The HTTP status a refused handshake was answered with. */
	private int refusal(Map<String, String> headers) {
		try (WsClient client = WsClient.connect(this.port, headers)) {
			throw new AssertionError("The handshake was accepted");
		}
		catch (CompletionException ex) {
			assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
			return ((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode();
		}
	}

	/** The next presence.updated of the user on the tap (others' are skipped). */
	private String awaitPresence(String tap, UUID userId) {
		return await().atMost(PATIENCE).until(() -> {
			Message message = this.rabbit.receive(tap, 500);
			String body = (message != null) ? new String(message.getBody(), StandardCharsets.UTF_8) : null;
			return (body != null && userId.toString().equals(JsonPath.read(body, "$.aggregateId"))) ? body : null;
		}, (body) -> body != null);
	}

	private static ProfileUpdated profile(User user, String displayName) {
		return new ProfileUpdated(user.id(), Set.of("displayName"), displayName, null, null, null);
	}

	/** A user whose user.created has been handled: a welcome notification waits. */
	private User registered() {
		User user = user();
		publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1, "auth-service");
		await().atMost(PATIENCE)
			.until(() -> this.http.get("/api/notifications/unread-count", user.token())
				.<Integer>json("$.unreadCount")
				.equals(1));
		return user;
	}

}
