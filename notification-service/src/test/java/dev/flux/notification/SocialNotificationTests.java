package dev.flux.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.DmUpdated;
import dev.flux.events.contract.Mentions;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.PrivacyUpdated;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.events.contract.RelationshipAccepted;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.events.contract.UserCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Friends and direct messages in the inbox and on the sockets, with the events
 * chat-service and user-service publish: a friend request received or accepted, a DM
 * while the recipient has no socket open (one who has gets it live instead), never for a
 * user who turned notifications off; an ack reaches the user's other devices.
 */
class SocialNotificationTests extends NotificationServiceTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void aFriendRequestAndItsAcceptanceLandInTheInbox() {
		User ada = user();
		User bob = user();

		chat(new RelationshipRequested(ada.id(), bob.id()), ada.id() + ":" + bob.id(), 1);
		chat(new RelationshipAccepted(bob.id(), ada.id()), ada.id() + ":" + bob.id(), 2);

		await().atMost(PATIENCE).until(() -> types(bob).contains("friend_request"));
		await().atMost(PATIENCE).until(() -> types(ada).contains("friend_accepted"));
		assertThat(types(ada)).doesNotContain("friend_request");
	}

	@Test
	void aUserWhoTurnedNotificationsOffGetsNoFriendOrDmNotices() {
		User ada = user();
		User quiet = user();
		EventEnvelope off = publish(new PrivacyUpdated(quiet.id(), true, true, false), quiet.id(), 2, "user-service");
		await().atMost(PATIENCE).until(() -> handled(off));
		String dm = dm(ada, quiet);

		EventEnvelope request = chat(new RelationshipRequested(ada.id(), quiet.id()), ada.id() + ":" + quiet.id(), 1);
		EventEnvelope message = chat(message(dm, ada, "Hello?"), "1", 1);
		User other = user();
		EventEnvelope accepted = chat(new RelationshipAccepted(other.id(), quiet.id()), other.id() + ":" + quiet.id(),
				2);

		await().atMost(PATIENCE).until(() -> handled(request) && handled(message) && handled(accepted));
		assertThat(types(quiet)).isEmpty();
	}

	@Test
	void aDmReachesAConnectedMemberLiveAndAnOfflineOneInTheInbox() {
		User ada = user();
		User online = user();
		User offline = user();
		String withOnline = dm(ada, online);
		String withOffline = dm(ada, offline);
		try (WsClient client = connected(online)) {
			chat(message(withOnline, ada, "You are there"), "1", 1);
			chat(message(withOffline, ada, "You are away"), "2", 1);

			assertThat(client.await("message.sent").<String>read("$.payload.content")).isEqualTo("You are there");
			await().atMost(PATIENCE).until(() -> types(offline).contains("direct_message"));
			assertThat(this.http.get("/api/notifications", offline.token()).<List<String>>json("$.items[*].body"))
				.containsExactly("You are away");
			assertThat(types(online)).doesNotContain("direct_message");
			assertThat(types(ada)).doesNotContain("direct_message");
		}
	}

	@Test
	void aDmMessageThatOvertookItsChannelWaitsForItAndIsCountedThen() {
		User ada = user();
		User bob = user();
		String dm = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
		// Published first on one queue, so the consumer meets the message before its
		// channel.
		chat(message(dm, ada, "Before the channel"), "1", 1);
		chat(new DmCreated(dm, "dm", null, null, List.of(ada.id(), bob.id())), dm, 1);

		await().atMost(PATIENCE).until(() -> types(bob).contains("direct_message"));
		try (WsClient client = connected(bob)) {
			assertThat(client.await("snapshot")
				.<List<Integer>>read("$.payload.readStates[?(@.channelId == '" + dm + "')].mentionCount"))
				.containsExactly(1);
		}
	}

	@Test
	void theSnapshotListsTheUsersDmsNewestFirstWithEveryoneElseInThem() {
		User ada = user();
		User bob = user();
		User cy = user();
		List<EventEnvelope> published = new ArrayList<>();
		for (User user : List.of(ada, bob, cy)) {
			published.add(publish(new UserCreated(user.id(), user.username(), user.email(), false), user.id(), 1,
					"auth-service"));
		}
		long older = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
		String oneToOne = Long.toString(older);
		String group = Long.toString(older + 1);
		published.add(chat(new DmCreated(oneToOne, "dm", null, null, List.of(ada.id(), bob.id())), oneToOne, 1));
		published.add(chat(new DmCreated(group, "group_dm", null, ada.id(), List.of(ada.id(), bob.id())), group, 1));
		published.add(chat(new DmUpdated(group, "renamed", ada.id(), null, "The trip", ada.id(),
				List.of(ada.id(), bob.id(), cy.id())), group, 2));
		await().atMost(PATIENCE).until(() -> published.stream().allMatch(this::handled));

		// Ada is connected, but user-service has announced no status of hers: others see
		// her offline, not the presence her own socket makes.
		try (WsClient adaOnline = connected(ada); WsClient client = connected(bob)) {
			DocumentContext snapshot = client.await("snapshot");
			assertThat(snapshot.<List<String>>read("$.payload.directMessages[*].id")).containsExactly(group, oneToOne);
			assertThat(snapshot.<String>read("$.payload.directMessages[0].kind")).isEqualTo("group_dm");
			assertThat(snapshot.<String>read("$.payload.directMessages[0].name")).isEqualTo("The trip");
			assertThat(snapshot.<String>read("$.payload.directMessages[0].ownerId")).isEqualTo(ada.id().toString());
			assertThat(snapshot.<List<String>>read("$.payload.directMessages[0].recipients[*].username"))
				.containsExactlyInAnyOrder(ada.username(), cy.username());
			assertThat(snapshot.<String>read("$.payload.directMessages[1].kind")).isEqualTo("dm");
			assertThat(snapshot.<String>read("$.payload.directMessages[1].name")).isNull();
			assertThat(snapshot.<List<String>>read("$.payload.directMessages[1].recipients[*].id"))
				.containsExactly(ada.id().toString());
			assertThat(snapshot.<List<String>>read("$.payload.directMessages[1].recipients[*].status"))
				.containsExactly("offline");
			assertThat(adaOnline.await("snapshot").<String>read("$.payload.presence")).isEqualTo("online");
		}
		try (WsClient client = connected(cy)) {
			assertThat(client.await("snapshot").<List<String>>read("$.payload.directMessages[*].id"))
				.as("only the DMs cy is in")
				.containsExactly(group);
		}
	}

	@Test
	void anAckOnOneDeviceReachesTheUsersOtherDevicesOnly() {
		User ada = user();
		User bob = user();
		try (WsClient phone = connected(ada); WsClient laptop = connected(ada); WsClient other = connected(bob)) {
			chat(new ReadStateUpdated(ada.id(), "12345", "67890", 0), ada.id() + ":12345", 3);

			for (WsClient device : List.of(phone, laptop)) {
				assertThat(device.await("read_state.updated").<String>read("$.payload.lastReadMessageId"))
					.isEqualTo("67890");
			}
			assertThat(other.all("read_state.updated")).isEmpty();
		}
	}

	/** A 1:1 DM channel of the two users, as chat-service announces it. */
	private String dm(User a, User b) {
		String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
		EventEnvelope created = chat(new DmCreated(id, "dm", null, null, List.of(a.id(), b.id())), id, 1);
		await().atMost(PATIENCE).until(() -> handled(created));
		return id;
	}

	private static MessageSent message(String channelId, User author, String content) {
		String id = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
		return new MessageSent(id, author.id(), channelId, null, content, null, Mentions.none(), null, Instant.now());
	}

	private EventEnvelope chat(Object payload, String aggregateId, long version) {
		EventEnvelope envelope = CODEC.envelope(payload, UUID.randomUUID(), Instant.now(), "chat-service", aggregateId,
				version, UUID.randomUUID(), null);
		publish(envelope);
		return envelope;
	}

	private List<String> types(User user) {
		return this.http.get("/api/notifications", user.token()).json("$.items[*].type");
	}

	private boolean handled(EventEnvelope event) {
		return this.jdbc.sql("SELECT count(*) FROM flux_events.inbox WHERE event_id = ?")
			.param(event.eventId())
			.query(Long.class)
			.single() > 0;
	}

	private WsClient connected(User user) {
		WsClient client = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> WsClient.connect(this.port, user.token()), (connected) -> connected != null);
		client.await("snapshot");
		return client;
	}

}
