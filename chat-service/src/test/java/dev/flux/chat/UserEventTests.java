package dev.flux.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat's projection of users follows auth-service's and user-service's events
 * whatever the order and however often they come, and a deleted account leaves its
 * servers as the issue says.
 */
class UserEventTests extends ChatServiceTest {

	@Test
	void renamesAndProfileChangesApplyNewestVersionFirstWhateverTheOrder() {
		User user = newUser();
		EventEnvelope latest = publish(updated(user.id(), "latest"), user.id(), 3);
		EventEnvelope older = publish(updated(user.id(), "older"), user.id(), 2);
		EventEnvelope profile = publish(profile(user.id(), "Grace", "https://cdn.example.com/g.png"), user.id(), 5);
		EventEnvelope staleProfile = publish(profile(user.id(), "Old", null), user.id(), 4);
		EventEnvelope replay = publish(new UserCreated(user.id(), "first", "x@example.com", false), user.id(), 1);

		await().atMost(PATIENCE)
			.until(() -> handled(latest.eventId()) && handled(older.eventId()) && handled(profile.eventId())
					&& handled(staleProfile.eventId()) && handled(replay.eventId()));

		Map<String, Object> row = this.jdbc
			.sql("select username, display_name, avatar_url from chat_users where user_id = ?")
			.param(user.id())
			.query()
			.singleRow();
		assertThat(row).containsEntry("username", "latest")
			.containsEntry("display_name", "Grace")
			.containsEntry("avatar_url", "https://cdn.example.com/g.png");
	}

	@Test
	void aProfileChangeOfAUserNotCreatedYetAppliesOnceTheUserExists() {
		UUID id = UUID.randomUUID();
		EventEnvelope early = publish(profile(id, "Early", null), id, 2);
		publish(new UserCreated(id, "late", "l@example.com", false), id, 1);

		await().atMost(java.time.Duration.ofSeconds(40)).until(() -> handled(early.eventId()));

		assertThat(this.jdbc.sql("select display_name from chat_users where user_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("Early");
	}

	@Test
	void aDeletedUsersMessagesStayWithTheAuthorShownAsDeletedAndTheirMembershipsEnd() {
		User owner = newUser();
		User leaving = newUser();
		Server server = newServer(owner);
		join(owner, server, leaving);
		this.http.post("/api/channels/" + server.general() + "/messages", Map.of("content", "bye"), leaving.token());

		EventEnvelope deleted = publish(new UserDeleted(leaving.id()), leaving.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		assertThat(this.http.get("/api/servers", leaving.token()).status()).as("the deleted account's token")
			.isEqualTo(401);
		Http.Reply history = this.http.get("/api/channels/" + server.general() + "/messages", owner.token());
		assertThat(history.<String>json("$[0].content")).isEqualTo("bye");
		assertThat(history.<Boolean>json("$[0].author.deleted")).isTrue();
		assertThat(history.<Object>json("$[0].author.username")).isNull();
		assertThat(history.<Object>json("$[0].author.avatarUrl")).isNull();
		assertThat(this.http.get("/api/servers/" + server.id() + "/members", owner.token())
			.<List<String>>json("$.members[*].user.id")).containsExactly(owner.id().toString());
		EventEnvelope late = publish(updated(leaving.id(), "ghost"), leaving.id(), 3);
		await().atMost(PATIENCE).until(() -> handled(late.eventId()));
		assertThat(this.jdbc.sql("select username from chat_users where user_id = ?")
			.param(leaving.id())
			.query(String.class)
			.optional()).as("not brought back").isEmpty();
	}

	@Test
	void aDeletionAnotherInstanceHandledIsRefusedHereWithinASecond() {
		User user = newUser();
		assertThat(this.http.get("/api/servers", user.token()).status()).as("the answer remembered").isEqualTo(200);

		// The tombstone as another instance's user.deleted handler commits it.
		this.jdbc.sql("update chat_users set deleted = true, username = null where user_id = ?")
			.param(user.id())
			.update();

		await().atMost(java.time.Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.http.get("/api/servers", user.token()).status()).isEqualTo(401));
	}

	@Test
	void aDeletedOwnersServerPassesToTheLongestStandingAdministrator() {
		User owner = newUser();
		User plain = newUser();
		User firstAdmin = newUser();
		User secondAdmin = newUser();
		Server server = newServer(owner);
		join(owner, server, plain);
		join(owner, server, firstAdmin);
		join(owner, server, secondAdmin);
		String role = this.http
			.post("/api/servers/" + server.id() + "/roles",
					Map.of("name", "Admins", "permissions", List.of("ADMINISTRATOR")), owner.token())
			.json("$.id");
		for (User admin : List.of(secondAdmin, firstAdmin)) {
			this.http.put("/api/servers/" + server.id() + "/members/" + admin.id() + "/roles/" + role, Map.of(),
					owner.token());
		}

		EventEnvelope deleted = publish(new UserDeleted(owner.id()), owner.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		Http.Reply read = this.http.get("/api/servers/" + server.id(), plain.token());
		assertThat(read.<String>json("$.ownerId")).isEqualTo(firstAdmin.id().toString());
		assertThat(this.http.get("/api/servers/" + server.id() + "/members", plain.token())
			.<List<String>>json("$.members[*].user.id")).doesNotContain(owner.id().toString());
	}

	@Test
	void aDeletedOwnersServerWithoutAdministratorIsDeleted() {
		User owner = newUser();
		User plain = newUser();
		Server server = newServer(owner);
		join(owner, server, plain);

		EventEnvelope deleted = publish(new UserDeleted(owner.id()), owner.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		assertThat(this.http.get("/api/servers/" + server.id(), plain.token()).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from servers where id = ?")
			.param(Long.parseLong(server.id()))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aDeletedUserLeavesNoFriendshipBlockDmMembershipReadStateOrReactionBehind() {
		User leaving = newUser();
		User friend = newUser();
		User other = newUser();
		User blocker = newUser();
		befriend(leaving, friend);
		befriend(leaving, other);
		befriend(friend, other);
		this.http.put("/api/users/me/blocks/" + leaving.id(), Map.of(), blocker.token());
		String direct = dm(friend, leaving);
		String message = this.http
			.post("/api/channels/" + direct + "/messages", Map.of("content", "see you"), leaving.token())
			.json("$.id");
		this.http.post("/api/channels/" + direct + "/messages/" + message + "/ack", Map.of(), leaving.token());
		this.http.put("/api/channels/" + direct + "/messages/" + message + "/reactions/%3Awave%3A/me", Map.of(),
				leaving.token());
		Http.Reply group = this.http.post("/api/dms",
				Map.of("recipientIds", List.of(friend.id().toString(), other.id().toString())), leaving.token());
		assertThat(group.status()).as(group.body()).isEqualTo(201);
		String groupId = group.json("$.id");

		EventEnvelope deleted = publish(new UserDeleted(leaving.id()), leaving.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		for (String table : List.of("relationships", "relationship_pairs", "dm_members", "dm_pairs", "read_states",
				"reactions")) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " t where t::text like ?")
				.param("%" + leaving.id() + "%")
				.query(Long.class)
				.single()).as("rows of %s naming the deleted user", table).isZero();
		}
		assertThat(this.http.get("/api/users/me/relationships", friend.token()).<List<String>>json("$[*].user.id"))
			.containsExactly(other.id().toString());
		Http.Reply groupNow = this.http.get("/api/dms/" + groupId, friend.token());
		assertThat(groupNow.<List<String>>json("$.members[*].id")).containsExactlyInAnyOrder(friend.id().toString(),
				other.id().toString());
		assertThat(groupNow.<String>json("$.ownerId")).as("the group passes on").isNotEqualTo(leaving.id().toString());
		Http.Reply history = this.http.get("/api/channels/" + direct + "/messages", friend.token());
		assertThat(history.<String>json("$[0].content")).as("the friend keeps the DM").isEqualTo("see you");
		assertThat(history.<Boolean>json("$[0].author.deleted")).isTrue();
	}

	/**
	 * What a request of the user commits after {@code user.deleted} was handled (one sent
	 * just before, or let through by another instance still trusting its cached answer)
	 * is erased a moment later. The rows are written directly: this instance refuses the
	 * token at once.
	 */
	@Test
	void whatADeletedUsersLateRequestsCommitIsErasedAMomentLater() {
		User leaving = newUser();
		User owner = newUser();
		Server server = newServer(owner);
		long channel = Long.parseLong(server.general());
		long message = Long.parseLong(this.http
			.post("/api/channels/" + server.general() + "/messages", Map.of("content", "hello"), owner.token())
			.json("$.id"));
		EventEnvelope deleted = publish(new UserDeleted(leaving.id()), leaving.id(), 2);
		await().atMost(PATIENCE).until(() -> handled(deleted.eventId()));

		this.jdbc.sql("insert into members (server_id, user_id, joined_at) values (?, ?, now())")
			.params(Long.parseLong(server.id()), leaving.id())
			.update();
		this.jdbc.sql("""
				insert into read_states (user_id, channel_id, last_read_id, version, updated_at)
				values (?, ?, ?, 1, now())""").params(leaving.id(), channel, message).update();
		this.jdbc.sql("""
				insert into reactions (channel_id, message_id, emoji, user_id, created_at)
				values (?, ?, ':wave:', ?, now())""").params(channel, message, leaving.id()).update();

		await().atMost(PATIENCE).untilAsserted(() -> {
			for (String table : List.of("members", "read_states", "reactions")) {
				assertThat(this.jdbc.sql("select count(*) from " + table + " where user_id = ?")
					.param(leaving.id())
					.query(Long.class)
					.single()).as("rows of %s naming the deleted user", table).isZero();
			}
		});
	}

	@Test
	void signUpsRenamedInTheSameBatchEndWithTheNewNameWithoutARetry() {
		// user.created is a deferred write: a rename in the same batch must still find
		// the user (the consumer sends the user's earlier writes before its next event),
		// or it would fail and wait for a retry tier.
		List<UUID> ids = new ArrayList<>();
		List<EventEnvelope> sent = new ArrayList<>();
		// Sent in one burst on one channel: the consumer takes them in batches (one
		// event's transaction outlasts the burst).
		this.rabbit.invoke((operations) -> {
			for (int i = 0; i < 20; i++) {
				UUID id = UUID.randomUUID();
				ids.add(id);
				sent.add(publish(new UserCreated(id, "signup" + i, "s" + i + "@example.com", false), id, 1));
				sent.add(publish(updated(id, "renamed" + i), id, 2));
			}
			return null;
		});

		await().atMost(PATIENCE).until(() -> sent.stream().allMatch((envelope) -> handled(envelope.eventId())));

		for (int i = 0; i < ids.size(); i++) {
			assertThat(this.jdbc.sql("select username from chat_users where user_id = ?")
				.param(ids.get(i))
				.query(String.class)
				.single()).isEqualTo("renamed" + i);
		}
		// Which transaction committed each event's inbox row: a sign-up and its rename
		// in one means the rename read the deferred insert; a rename that had to wait
		// for a retry commits apart.
		long together = 0;
		for (int i = 0; i < sent.size(); i += 2) {
			together += this.jdbc
				.sql("select count(distinct xmin::text) from flux_events.inbox where event_id in (?, ?)")
				.params(sent.get(i).eventId(), sent.get(i + 1).eventId())
				.query(Long.class)
				.single() == 1 ? 1 : 0;
		}
		assertThat(together).as("sign-ups committed in one batch with their rename").isPositive();
	}

	private static UserUpdated updated(UUID id, String username) {
		return new UserUpdated(id, Set.of("username"), username, username + "@example.com", false);
	}

	private static ProfileUpdated profile(UUID id, String displayName, String avatarUrl) {
		return new ProfileUpdated(id, Set.of("displayName", "avatarUrl"), displayName, avatarUrl, null, "online");
	}

}
