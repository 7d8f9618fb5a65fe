package dev.flux.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.DocumentContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelOverwrite;
import dev.flux.events.contract.ChannelUpdated;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.MemberLeft;
import dev.flux.events.contract.MemberUpdated;
import dev.flux.events.contract.Mentions;
import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageEdited;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.permission.Permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live delivery of chat through the gateway, with the events chat-service publishes:
 * messages reach those who may view the channel (overwrites and roles as chat-service
 * computes them) in order, a departed member hears nothing more, mentions land in the
 * inbox, typing reaches the others, and the snapshot lists the user's servers and the
 * read state of each of their channels.
 */
class ChatDeliveryTests extends NotificationServiceTest {

	/** A ceiling, not a wait: 30 s was exceeded once at load average 15. */
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final AtomicLong IDS = new AtomicLong(
			ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000_000L));

	@Test
	void pushesMessagesEditsAndDeletesToEveryMemberWhoMayViewInOrder() {
		User owner = user();
		User member = user();
		User stranger = user();
		World world = new World(owner);
		world.join(member);
		try (WsClient ownerClient = connected(owner);
				WsClient memberClient = connected(member);
				WsClient strangerClient = connected(stranger)) {
			List<String> ids = new ArrayList<>();
			// One channel for all of them, as chat-service's one relay publishes in
			// order.
			this.rabbit.invoke((operations) -> {
				for (int i = 0; i < 20; i++) {
					ids.add(world.send((i % 2 == 0) ? owner : member, "message " + i, Mentions.none()));
				}
				world.edit(ids.get(3), member, "edited");
				world.delete(ids.get(4), owner);
				return null;
			});

			for (WsClient client : List.of(ownerClient, memberClient)) {
				client.await("message.deleted");
				assertThat(client.all("message.sent")).extracting((frame) -> frame.<String>read("$.payload.messageId"))
					.containsExactlyElementsOf(ids);
				assertThat(client.await("message.edited").<String>read("$.payload.content")).isEqualTo("edited");
				assertThat(client.await("message.deleted").<String>read("$.payload.messageId")).isEqualTo(ids.get(4));
			}
			assertThat(strangerClient.all("message.sent")).isEmpty();
		}
	}

	@Test
	void deliversAsTheChannelsOverwritesAndTheMembersRolesAllow() {
		User owner = user();
		User moderator = user();
		User guest = user();
		User invited = user();
		World world = new World(owner);
		world.join(moderator);
		world.join(guest);
		world.join(invited);
		String modRole = world.role("mods", Permission.VIEW_CHANNEL.bit());
		world.giveRole(moderator, modRole);
		world.overwrite(List.of(new ChannelOverwrite(world.serverId, null, 0, Permission.VIEW_CHANNEL.bit()),
				new ChannelOverwrite(modRole, null, Permission.VIEW_CHANNEL.bit(), 0),
				new ChannelOverwrite(null, invited.id(), Permission.VIEW_CHANNEL.bit(), 0)));
		try (WsClient ownerClient = connected(owner);
				WsClient moderatorClient = connected(moderator);
				WsClient guestClient = connected(guest);
				WsClient invitedClient = connected(invited)) {
			String hidden = world.send(owner, "only for some", Mentions.none());

			for (WsClient allowed : List.of(ownerClient, moderatorClient, invitedClient)) {
				assertThat(allowed.await("message.sent").<String>read("$.payload.messageId")).isEqualTo(hidden);
			}
			world.send(owner, "marker", Mentions.none());
			moderatorClient.await("message.sent", (frame) -> "marker".equals(frame.read("$.payload.content")));
			assertThat(guestClient.all("message.sent")).as("@everyone is denied VIEW_CHANNEL here").isEmpty();
		}
	}

	@Test
	void aKickedMembersSocketsStopReceivingTheServersMessages() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		world.join(member);
		try (WsClient ownerClient = connected(owner); WsClient memberClient = connected(member)) {
			world.send(owner, "before", Mentions.none());
			memberClient.await("message.sent");

			world.leave(member, "kicked");
			assertThat(memberClient.await("server.member_left").<String>read("$.payload.reason")).isEqualTo("kicked");
			world.send(owner, "after", Mentions.none());
			ownerClient.await("message.sent", (frame) -> "after".equals(frame.read("$.payload.content")));
			world.send(owner, "later", Mentions.none());
			ownerClient.await("message.sent", (frame) -> "later".equals(frame.read("$.payload.content")));

			assertThat(memberClient.all("message.sent")).extracting((frame) -> frame.<String>read("$.payload.content"))
				.containsExactly("before");
		}
	}

	@Test
	void theMembersOfADeletedServerAreToldAndGetNothingOfItAfterwards() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		world.join(member);
		try (WsClient memberClient = connected(member)) {
			ChatDeliveryTests.this.publish(world.server(new ServerDeleted(world.serverId)));

			assertThat(memberClient.await("server.deleted").<String>read("$.payload.serverId"))
				.isEqualTo(world.serverId);
			world.send(owner, "ghost", Mentions.none());
			World other = new World(owner);
			other.join(member);
			other.send(owner, "marker", Mentions.none());
			memberClient.await("message.sent", (frame) -> "marker".equals(frame.read("$.payload.content")));
			assertThat(memberClient.all("message.sent")).extracting((frame) -> frame.<String>read("$.payload.content"))
				.containsExactly("marker");
		}
	}

	@Test
	void aMentionOfAViewerLandsInTheirInboxAndOnTheirSockets() {
		User owner = user();
		User mentioned = user();
		User outsider = user();
		World world = new World(owner);
		world.join(mentioned);
		try (WsClient mentionedClient = connected(mentioned); WsClient outsiderClient = connected(outsider)) {
			String id = world.send(owner, "hey <@" + mentioned.id() + "> and <@" + outsider.id() + ">",
					new Mentions(List.of(mentioned.id(), outsider.id()), List.of(), false));

			DocumentContext pushed = mentionedClient.await("notification.created");
			assertThat(pushed.<String>read("$.payload.type")).isEqualTo("mention");
			assertThat(pushed.<String>read("$.payload.data.messageId")).isEqualTo(id);
			await().atMost(PATIENCE)
				.until(() -> this.http.get("/api/notifications", mentioned.token())
					.<List<String>>json("$.items[*].type")
					.contains("mention"));
			assertThat(this.http.get("/api/notifications", outsider.token()).<List<String>>json("$.items[*].type"))
				.as("who may not view the channel is not told about it")
				.doesNotContain("mention");
			assertThat(outsiderClient.all("notification.created")).isEmpty();
		}
	}

	@Test
	void everyoneMentionsReachEveryViewerButTheAuthor() {
		User owner = user();
		User first = user();
		User second = user();
		World world = new World(owner);
		world.join(first);
		world.join(second);

		world.send(owner, "@everyone meeting", new Mentions(List.of(), List.of(), true));

		for (User user : List.of(first, second)) {
			await().atMost(PATIENCE)
				.until(() -> this.http.get("/api/notifications", user.token())
					.<List<String>>json("$.items[*].type")
					.contains("mention"));
		}
		assertThat(this.http.get("/api/notifications", owner.token()).<List<String>>json("$.items[*].type"))
			.doesNotContain("mention");
	}

	@Test
	void typingReachesTheChannelsOtherViewersOnly() {
		User owner = user();
		User member = user();
		User stranger = user();
		World world = new World(owner);
		world.join(member);
		try (WsClient ownerClient = connected(owner);
				WsClient memberClient = connected(member);
				WsClient strangerClient = connected(stranger)) {
			UUID typing = ownerClient.send("typing", Map.of("channelId", world.channelId));
			DocumentContext ack = ownerClient.answer(typing);
			assertThat(ack.<String>read("$.type")).isEqualTo("ack");
			Instant expiresAt = Instant.parse(ack.read("$.payload.result.expiresAt"));
			assertThat(expiresAt).isBetween(Instant.now().plusSeconds(6), Instant.now().plusSeconds(9));

			DocumentContext seen = memberClient.await("typing.started");
			assertThat(seen.<String>read("$.payload.userId")).isEqualTo(owner.id().toString());
			assertThat(seen.<String>read("$.payload.channelId")).isEqualTo(world.channelId);

			UUID refused = strangerClient.send("typing", Map.of("channelId", world.channelId));
			assertThat(strangerClient.answer(refused).<String>read("$.type")).isEqualTo("failed_validation");
			UUID invalid = strangerClient.send("typing", Map.of("channelId", "general"));
			assertThat(strangerClient.answer(invalid).<String>read("$.payload.errors[0].field"))
				.isEqualTo("payload.channelId");
			world.send(member, "marker", Mentions.none());
			ownerClient.await("message.sent");
			assertThat(ownerClient.all("typing.started")).as("the typist is not told of their own typing").isEmpty();
		}
	}

	@Test
	void theSnapshotListsTheUsersServersWithTheChannelsTheyMayViewAndTheirPermissions() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		world.join(member);
		String secret = world.channel("secret",
				List.of(new ChannelOverwrite(world.serverId, null, 0, Permission.VIEW_CHANNEL.bit())));
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from chat_channels where channel_id = ?")
				.param(Long.parseLong(secret))
				.query(Long.class)
				.single() == 1);

		try (WsClient ownerClient = connected(owner); WsClient memberClient = connected(member)) {
			DocumentContext ownerSnapshot = ownerClient.await("snapshot");
			DocumentContext memberSnapshot = memberClient.await("snapshot");

			assertThat(ownerSnapshot.<List<String>>read("$.payload.servers[*].id")).containsExactly(world.serverId);
			assertThat(ownerSnapshot.<List<String>>read("$.payload.servers[0].channels[*].id"))
				.containsExactlyInAnyOrder(world.channelId, secret);
			assertThat(ownerSnapshot.<List<String>>read("$.payload.servers[0].permissions")).contains("ADMINISTRATOR");
			assertThat(memberSnapshot.<List<String>>read("$.payload.servers[0].channels[*].id"))
				.containsExactly(world.channelId);
			assertThat(memberSnapshot.<List<String>>read("$.payload.servers[0].channels[0].permissions"))
				.contains("VIEW_CHANNEL", "SEND_MESSAGES")
				.doesNotContain("MANAGE_MESSAGES");
		}
	}

	@Test
	void theSnapshotCarriesTheReadStateOfEachChannelAsTheEventsLeftIt() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		world.join(member);
		String dm = nextId();
		publish(CODEC.envelope(new DmCreated(dm, "dm", null, null, List.of(owner.id(), member.id())), UUID.randomUUID(),
				Instant.now(), "chat-service", dm, 1, UUID.randomUUID(), null));
		String first = world.send(owner, "no mention", Mentions.none());
		String named = world.send(owner, "hey", new Mentions(List.of(member.id()), List.of(), false));
		String everyone = world.send(owner, "all of you", new Mentions(List.of(), List.of(), true));
		directMessage(dm, owner, "are you there?");
		String ownerHello = directMessage(dm, owner, "hello?");

		ReadState memberInServer = new ReadState(world.channelId, null, true, 2);
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(readStates(member)).contains(memberInServer, new ReadState(dm, null, true, 2)));
		assertThat(readStates(owner)).as("one's own messages read the channel up to them")
			.contains(new ReadState(world.channelId, everyone, false, 0), new ReadState(dm, ownerHello, false, 0));

		String memberAnswers = directMessage(dm, member, "yes");
		ack(member, world.channelId, named, 2);
		EventEnvelope stale = ack(member, world.channelId, first, 1);
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from flux_events.inbox where event_id = ?")
				.param(stale.eventId())
				.query(Long.class)
				.single() > 0);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(readStates(member)).contains(new ReadState(dm, memberAnswers, false, 0),
					new ReadState(world.channelId, named, true, 1)));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(readStates(owner)).contains(new ReadState(dm, ownerHello, true, 1)));

		world.delete(everyone, owner);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(readStates(member))
				.as("a deleted message mentions nobody; its channel stays unread until read, as in Discord")
				.contains(new ReadState(world.channelId, named, true, 0)));
	}

	@Test
	void theProjectionEndsRightWhateverTheOrderAndHowOftenEventsArrive() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		long serverId = Long.parseLong(world.serverId);
		EventEnvelope joined = world.server(new MemberJoined(world.serverId, member.id()));
		EventEnvelope left = world.server(new MemberLeft(world.serverId, member.id(), "left"));
		publish(joined);
		publish(left);
		publish(joined);

		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select version from chat_members where server_id = ? and user_id = ?")
				.params(serverId, member.id())
				.query(Long.class)
				.optional()
				.orElse(0L) == left.aggregateVersion());
		assertThat(this.jdbc.sql("select present from chat_members where server_id = ? and user_id = ?")
			.params(serverId, member.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void aDeletedAccountsMembershipsAreErasedAndALateJoinDoesNotBringThemBack() {
		User owner = user();
		User member = user();
		World world = new World(owner);
		world.join(member);
		EventEnvelope lateJoin = world.server(new MemberJoined(world.serverId, member.id()));

		publish(new UserDeleted(member.id()), member.id(), 2, "auth-service");
		await().atMost(PATIENCE).until(() -> memberships(member.id()) == 0);
		publish(lateJoin);
		User next = user();
		publish(world.server(new MemberJoined(world.serverId, next.id())));
		await().atMost(PATIENCE).until(() -> memberships(next.id()) == 1);

		assertThat(memberships(member.id())).as("the late join, handled before the next one").isZero();
	}

	/** A channel's read state as the snapshot of a new socket shows it. */
	record ReadState(String channelId, @Nullable String lastReadMessageId, boolean unread, int mentionCount) {

	}

	private List<ReadState> readStates(User user) {
		try (WsClient client = connected(user)) {
			List<Map<String, Object>> states = client.await("snapshot").read("$.payload.readStates");
			return states.stream()
				.map((state) -> new ReadState((String) state.get("channelId"), (String) state.get("lastReadMessageId"),
						(Boolean) state.get("unread"), ((Number) state.get("mentionCount")).intValue()))
				.toList();
		}
	}

	private String directMessage(String channelId, User author, String content) {
		String id = nextId();
		publish(CODEC.envelope(
				new MessageSent(id, author.id(), channelId, null, content, null, Mentions.none(), null, Instant.now()),
				UUID.randomUUID(), Instant.now(), "chat-service", id, 1, UUID.randomUUID(), null));
		return id;
	}

	/** An ack as chat-service announces it, on one of the user's devices. */
	private EventEnvelope ack(User user, String channelId, String messageId, long version) {
		EventEnvelope envelope = CODEC.envelope(new ReadStateUpdated(user.id(), channelId, messageId, 0),
				UUID.randomUUID(), Instant.now(), "chat-service", user.id() + ":" + channelId, version,
				UUID.randomUUID(), null);
		publish(envelope);
		return envelope;
	}

	private long memberships(UUID userId) {
		return this.jdbc.sql("select count(*) from chat_members where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/**
	 * A socket that got its snapshot; the handshake is tried again when it times out, as
	 * the first ones can on a busy machine.
	 */
	private WsClient connected(User user) {
		WsClient client = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> WsClient.connect(this.port, user.token()), (connected) -> connected != null);
		client.await("snapshot");
		return client;
	}

	private static String nextId() {
		return Long.toString(IDS.incrementAndGet());
	}

	/**
	 * A server as chat-service announces it: created with @everyone's defaults and a
	 * {@code general} channel, members joining, messages sent. Each helper publishes the
	 * events chat-service would, with the aggregate versions it would give them, and
	 * waits until the projection holds the change where later steps depend on it.
	 */
	private final class World {

		final String serverId = nextId();

		final String channelId = nextId();

		private final AtomicLong serverSeq = new AtomicLong();

		private final AtomicLong channelVersion = new AtomicLong();

		World(User owner) {
			publish(new ServerCreated(this.serverId, "Test server", owner.id()), this.serverId,
					serverSeq.incrementAndGet());
			publish(new RoleCreated(this.serverId, this.serverId, "@everyone",
					Permission.bitsOf(Set.of(Permission.VIEW_CHANNEL, Permission.SEND_MESSAGES,
							Permission.READ_MESSAGE_HISTORY, Permission.CREATE_INVITE, Permission.CHANGE_NICKNAME)),
					0), this.serverId, 1);
			publish(new ChannelCreated(this.channelId, this.serverId, "text", "general", null, 0, null, List.of()),
					this.channelId, this.channelVersion.incrementAndGet());
			join(owner);
		}

		void join(User user) {
			publishAndWait(new MemberJoined(this.serverId, user.id()));
		}

		void leave(User user, String reason) {
			publishAndWait(new MemberLeft(this.serverId, user.id(), reason));
		}

		String role(String name, long permissions) {
			String roleId = nextId();
			publish(new RoleCreated(roleId, this.serverId, name, permissions, 1), roleId, 1);
			await().atMost(PATIENCE)
				.until(() -> ChatDeliveryTests.this.jdbc.sql("select count(*) from chat_roles where role_id = ?")
					.param(Long.parseLong(roleId))
					.query(Long.class)
					.single() == 1);
			return roleId;
		}

		void giveRole(User user, String roleId) {
			publishAndWait(new MemberUpdated(this.serverId, user.id(), null, List.of(roleId)));
		}

		void overwrite(List<ChannelOverwrite> overwrites) {
			long version = this.channelVersion.incrementAndGet();
			publish(new ChannelUpdated(this.channelId, this.serverId, "text", "general", null, 0, null, overwrites),
					this.channelId, version);
			await().atMost(PATIENCE)
				.until(() -> ChatDeliveryTests.this.jdbc.sql("select version from chat_channels where channel_id = ?")
					.param(Long.parseLong(this.channelId))
					.query(Long.class)
					.single() == version);
		}

		String channel(String name, List<ChannelOverwrite> overwrites) {
			String id = nextId();
			publish(new ChannelCreated(id, this.serverId, "text", name, null, 1, null, overwrites), id, 1);
			return id;
		}

		String send(User author, String content, Mentions mentions) {
			String id = nextId();
			publish(new MessageSent(id, author.id(), this.channelId, this.serverId, content, null, mentions, null,
					Instant.now()), id, 1);
			return id;
		}

		void edit(String messageId, User author, String content) {
			publish(new MessageEdited(messageId, author.id(), this.channelId, this.serverId, content, Mentions.none(),
					Instant.now()), messageId, 2);
		}

		void delete(String messageId, User author) {
			publish(new MessageDeleted(messageId, author.id(), this.channelId, this.serverId, author.id()), messageId,
					3);
		}

		/** The envelope of the server's next event, not published. */
		EventEnvelope server(Object payload) {
			return CODEC.envelope(payload, UUID.randomUUID(), Instant.now(), "chat-service", this.serverId,
					this.serverSeq.incrementAndGet(), UUID.randomUUID(), null);
		}

		private void publishAndWait(Object payload) {
			EventEnvelope envelope = server(payload);
			ChatDeliveryTests.this.publish(envelope);
			await().atMost(PATIENCE)
				.until(() -> ChatDeliveryTests.this.jdbc
					.sql("select max(version) from chat_members where server_id = ?")
					.param(Long.parseLong(this.serverId))
					.query(Long.class)
					.optional()
					.orElse(0L) >= envelope.aggregateVersion());
		}

		private void publish(Object payload, String aggregateId, long version) {
			ChatDeliveryTests.this.publish(CODEC.envelope(payload, UUID.randomUUID(), Instant.now(), "chat-service",
					aggregateId, version, UUID.randomUUID(), null));
		}

	}

}
