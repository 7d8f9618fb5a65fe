package dev.flux.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1:1 and group DMs: one channel per pair, the message API of any channel, invisible to
 * outsiders, and refused without revealing a block.
 */
class DirectMessageTests extends ChatServiceTest {

	@Test
	void openingADmTwiceGivesTheSameChannelFromEitherSide() {
		User ada = newUser();
		User bob = newUser();
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			Http.Reply first = this.http.post("/api/dms", Map.of("recipientId", bob.id().toString()), ada.token());
			Http.Reply again = this.http.post("/api/dms", Map.of("recipientId", bob.id().toString()), ada.token());
			Http.Reply fromBob = this.http.post("/api/dms", Map.of("recipientId", ada.id().toString()), bob.token());

			assertThat(first.status()).isEqualTo(201);
			assertThat(again.status()).isEqualTo(fromBob.status()).isEqualTo(200);
			String id = first.json("$.id");
			assertThat(List.of(again.<String>json("$.id"), fromBob.<String>json("$.id"))).containsOnly(id);
			assertThat(first.<String>json("$.kind")).isEqualTo("dm");
			assertThat(first.<List<String>>json("$.members[*].username")).containsExactlyInAnyOrder(ada.username(),
					bob.username());
			assertThat(tap.until(EventTap.is("dm.created", id))).filteredOn(EventTap.is("dm.created", id)).hasSize(1);
		}
	}

	@Test
	void dmMessagesHaveTheWholeMessageApi() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);

		Http.Reply sent = send(ada, dm, Map.of("content", "Hi <@" + bob.id() + ">", "nonce", "dm-1"));
		Http.Reply retried = send(ada, dm, Map.of("content", "Hi <@" + bob.id() + ">", "nonce", "dm-1"));
		Http.Reply answer = send(bob, dm, Map.of("content", "Hello", "replyTo", sent.json("$.id")));

		assertThat(sent.status()).isEqualTo(201);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(sent.<String>json("$.serverId")).isNull();
		assertThat(sent.<List<String>>json("$.mentions.users")).containsExactly(bob.id().toString());
		assertThat(answer.status()).isEqualTo(201);
		String messages = "/api/channels/" + dm + "/messages";
		assertThat(this.http.patch(messages + "/" + sent.json("$.id"), Map.of("content", "Hi!"), ada.token()).status())
			.isEqualTo(200);
		assertThat(this.http.delete(messages + "/" + answer.json("$.id"), null, ada.token()).status())
			.as("nobody manages a DM's messages")
			.isEqualTo(403);
		assertThat(this.http.get(messages, bob.token()).<List<String>>json("$[*].content")).containsExactly("Hello",
				"Hi!");
		assertThat(this.http.get("/api/dms", bob.token()).<List<String>>json("$[*].id")).containsExactly(dm);
	}

	@Test
	void aDmIsNotFoundForAThirdUser() {
		User ada = newUser();
		User bob = newUser();
		User eve = newUser();
		String dm = dm(ada, bob);
		String message = send(ada, dm, Map.of("content", "Just us")).json("$.id");

		List<Http.Reply> replies = List.of(this.http.get("/api/channels/" + dm + "/messages", eve.token()),
				this.http.get("/api/channels/" + dm + "/messages/" + message, eve.token()),
				send(eve, dm, Map.of("content", "Let me in")), this.http.get("/api/dms/" + dm, eve.token()),
				this.http.put("/api/channels/" + dm + "/pins/" + message, Map.of(), eve.token()),
				this.http.post("/api/channels/" + dm + "/messages/" + message + "/ack", Map.of(), eve.token()),
				this.http.get("/api/channels/" + dm + "/messages/" + message + "/reactions", eve.token()));

		assertThat(replies).extracting(Http.Reply::status).containsOnly(404);
		Http.Reply missing = this.http.get("/api/channels/987654321/messages", eve.token());
		assertThat(replies.get(0).map()).containsEntry("type", missing.map().get("type"))
			.containsEntry("detail", missing.map().get("detail"));
	}

	@Test
	void aBlockedUsersDmIsRefusedAsADmToSomeoneWhoTakesThemOnlyFromFriends() {
		User blocker = newUser();
		User blocked = newUser();
		User friendsOnly = newUser();
		String dm = dm(blocked, blocker);
		privacy(friendsOnly, false, true, 2);
		this.http.put("/api/users/me/blocks/" + blocked.id(), Map.of(), blocker.token());

		Http.Reply toBlocker = send(blocked, dm, Map.of("content", "Hello?"));
		Http.Reply toFriendsOnly = this.http.post("/api/dms", Map.of("recipientId", friendsOnly.id().toString()),
				blocked.token());

		assertThat(toBlocker.status()).isEqualTo(toFriendsOnly.status()).isEqualTo(403);
		assertThat(toBlocker.map()).containsEntry("type", toFriendsOnly.map().get("type"))
			.containsEntry("detail", toFriendsOnly.map().get("detail"));
		assertThat(toBlocker.<String>json("$.type")).endsWith("dm-refused");
		assertThat(this.http.get("/api/channels/" + dm + "/messages", blocker.token()).<List<String>>json("$[*].id"))
			.isEmpty();
	}

	@Test
	void friendsMayDmAUserWhoTakesDmsOnlyFromFriends() {
		User ada = newUser();
		User friendsOnly = newUser();
		privacy(friendsOnly, false, true, 2);
		assertThat(this.http.post("/api/dms", Map.of("recipientId", friendsOnly.id().toString()), ada.token()).status())
			.isEqualTo(403);

		befriend(ada, friendsOnly);

		assertThat(send(ada, dm(ada, friendsOnly), Map.of("content", "Friends now")).status()).isEqualTo(201);
	}

	@Test
	void aGroupDmTakesFriendsUpToTenAndItsOwnerRemovesMembers() {
		User owner = newUser();
		List<User> friends = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			User friend = newUser();
			befriend(owner, friend);
			friends.add(friend);
		}
		User stranger = newUser();

		Http.Reply created = this.http.post(
				"/api/dms", Map.of("recipientIds",
						List.of(friends.get(0).id().toString(), friends.get(1).id().toString()), "name", "Road trip"),
				owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String group = created.json("$.id");
		assertThat(created.<String>json("$.kind")).isEqualTo("group_dm");
		assertThat(this.http.put("/api/dms/" + group + "/members/" + stranger.id(), Map.of(), owner.token()).status())
			.as("only friends")
			.isEqualTo(403);
		for (int i = 2; i < 9; i++) {
			assertThat(this.http.put("/api/dms/" + group + "/members/" + friends.get(i).id(), Map.of(), owner.token())
				.<List<Object>>json("$.members")).hasSize(i + 2);
		}
		Http.Reply full = this.http.put("/api/dms/" + group + "/members/" + friends.get(9).id(), Map.of(),
				owner.token());
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.<String>json("$.type")).endsWith("group-full");

		assertThat(
				this.http.delete("/api/dms/" + group + "/members/" + friends.get(2).id(), null, friends.get(1).token())
					.status())
			.as("only the owner removes others")
			.isEqualTo(403);
		assertThat(
				this.http.delete("/api/dms/" + group + "/members/" + friends.get(2).id(), null, owner.token()).status())
			.isEqualTo(204);
		assertThat(this.http.get("/api/channels/" + group + "/messages", friends.get(2).token()).status())
			.isEqualTo(404);
		Http.Reply renamed = this.http.patch("/api/dms/" + group, Map.of("name", "Lake trip"), friends.get(1).token());
		assertThat(renamed.<String>json("$.name")).isEqualTo("Lake trip");
	}

	@Test
	void aBlockedUserIsRefusedAGroupDmEitherWayAsAStrangerIs() {
		User blocker = newUser();
		User blocked = newUser();
		User stranger = newUser();
		User both = newUser();
		befriend(blocker, blocked);
		befriend(blocker, both);
		befriend(blocked, both);
		String blockersGroup = group(blocker, both);
		String blockedsGroup = group(blocked, both);
		assertThat(this.http.put("/api/users/me/blocks/" + blocked.id(), Map.of(), blocker.token()).status())
			.isEqualTo(200);

		Http.Reply strangerAdded = this.http.put("/api/dms/" + blockersGroup + "/members/" + stranger.id(), Map.of(),
				blocker.token());
		List<Http.Reply> refusals = List.of(
				this.http.put("/api/dms/" + blockersGroup + "/members/" + blocked.id(), Map.of(), blocker.token()),
				this.http.put("/api/dms/" + blockedsGroup + "/members/" + blocker.id(), Map.of(), blocked.token()),
				this.http.post("/api/dms", Map.of("recipientIds", List.of(blocked.id().toString())), blocker.token()),
				this.http.post("/api/dms", Map.of("recipientIds", List.of(blocker.id().toString())), blocked.token()));

		assertThat(strangerAdded.status()).isEqualTo(403);
		assertThat(strangerAdded.<String>json("$.type")).endsWith("not-friends");
		for (Http.Reply refused : refusals) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.map()).as("the same answer as for a stranger: the block is not revealed")
				.containsEntry("type", strangerAdded.map().get("type"))
				.containsEntry("title", strangerAdded.map().get("title"))
				.containsEntry("detail", strangerAdded.map().get("detail"));
		}
		assertThat(this.http.get("/api/dms/" + blockedsGroup, blocked.token()).<List<String>>json("$.members[*].id"))
			.containsExactlyInAnyOrder(blocked.id().toString(), both.id().toString());
	}

	@Test
	void aGroupDmDeliversTheMessagesOfAMemberOneBlockedAsDiscordDoes() {
		User owner = newUser();
		User blocker = newUser();
		User blocked = newUser();
		befriend(owner, blocker);
		befriend(owner, blocked);
		Http.Reply created = this.http.post("/api/dms",
				Map.of("recipientIds", List.of(blocker.id().toString(), blocked.id().toString())), owner.token());
		String group = created.json("$.id");
		assertThat(this.http.put("/api/users/me/blocks/" + blocked.id(), Map.of(), blocker.token()).status())
			.isEqualTo(200);

		Http.Reply sent = send(blocked, group, Map.of("content", "Still here"));
		Http.Reply answered = send(blocker, group, Map.of("content", "So am I"));

		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		assertThat(this.http.get("/api/channels/" + group + "/messages", blocker.token())
			.<List<String>>json("$[*].content")).as("the blocker's client hides them; the server keeps the group whole")
			.containsExactly("So am I", "Still here");
	}

	@Test
	void theOwnerLeavingPassesTheGroupOnAndTheLastToLeaveDeletesIt() {
		User owner = newUser();
		User first = newUser();
		befriend(owner, first);
		String group = this.http.post("/api/dms", Map.of("recipientIds", List.of(first.id().toString())), owner.token())
			.json("$.id");
		send(owner, group, Map.of("content", "Bye"));

		assertThat(this.http.delete("/api/dms/" + group + "/members/" + owner.id(), null, owner.token()).status())
			.isEqualTo(204);
		assertThat(this.http.get("/api/dms/" + group, first.token()).<String>json("$.ownerId"))
			.isEqualTo(first.id().toString());
		assertThat(this.http.delete("/api/dms/" + group + "/members/" + first.id(), null, first.token()).status())
			.isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from channels where id = ?")
			.param(Long.parseLong(group))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesBadDmRequests() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);

		assertThat(this.http.post("/api/dms", Map.of("recipientId", ada.id().toString()), ada.token()).status())
			.isEqualTo(400);
		assertThat(
				this.http.post("/api/dms", Map.of("recipientId", UUID.randomUUID().toString()), ada.token()).status())
			.isEqualTo(404);
		assertThat(this.http.post("/api/dms", Map.of(), ada.token()).status()).isEqualTo(400);
		assertThat(this.http.patch("/api/dms/" + dm, Map.of("name", "Not a group"), ada.token()).status())
			.isEqualTo(400);
		assertThat(this.http.delete("/api/dms/" + dm + "/members/" + ada.id(), null, ada.token()).status())
			.isEqualTo(400);
	}

	private Http.Reply send(User user, String channel, Map<String, Object> body) {
		return this.http.post("/api/channels/" + channel + "/messages", body, user.token());
	}

	/** A group DM its owner made with the friends. */
	private String group(User owner, User... friends) {
		Http.Reply created = this.http.post("/api/dms",
				Map.of("recipientIds",
						java.util.Arrays.stream(friends).map((friend) -> friend.id().toString()).toList()),
				owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json("$.id");
	}

}
