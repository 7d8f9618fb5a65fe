package dev.flux.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Friend requests, friends and blocks, and the privacy settings they honour. */
class RelationshipApiTests extends ChatServiceTest {

	@Test
	void aRequestByUsernameAcceptedMakesFriendsOnBothSides() {
		User ada = newUser();
		User bob = newUser();
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			Http.Reply sent = this.http.post("/api/users/me/relationships", Map.of("username", bob.username()),
					ada.token());

			assertThat(sent.<String>json("$.type")).isEqualTo("outgoing");
			assertThat(types(bob)).containsExactly("incoming");
			Http.Reply accepted = this.http.post("/api/users/me/relationships/" + ada.id() + "/accept", Map.of(),
					bob.token());
			assertThat(accepted.<String>json("$.type")).isEqualTo("friend");
			assertThat(types(ada)).containsExactly("friend");
			assertThat(types(bob)).containsExactly("friend");
			String pair = (ada.id().toString().compareTo(bob.id().toString()) < 0) ? ada.id() + ":" + bob.id()
					: bob.id() + ":" + ada.id();
			List<String> events = tap.until(EventTap.is("relationship.accepted", pair));
			assertThat(events).anyMatch(EventTap.is("relationship.requested", pair));
		}
	}

	@Test
	void crossingRequestsMakeFriendsAndRepeatingOneChangesNothing() {
		User ada = newUser();
		User bob = newUser();

		this.http.put("/api/users/me/relationships/" + bob.id(), Map.of(), ada.token());
		Http.Reply again = this.http.put("/api/users/me/relationships/" + bob.id(), Map.of(), ada.token());
		Http.Reply crossing = this.http.put("/api/users/me/relationships/" + ada.id(), Map.of(), bob.token());

		assertThat(again.<String>json("$.type")).isEqualTo("outgoing");
		assertThat(crossing.<String>json("$.type")).isEqualTo("friend");
		assertThat(this.http.put("/api/users/me/relationships/" + bob.id(), Map.of(), ada.token()).status())
			.isEqualTo(409);
	}

	@Test
	void declineCancelAndUnfriendEndTheRelationshipOnBothSides() {
		User ada = newUser();
		User bob = newUser();
		User cy = newUser();
		this.http.put("/api/users/me/relationships/" + bob.id(), Map.of(), ada.token());
		this.http.put("/api/users/me/relationships/" + cy.id(), Map.of(), ada.token());

		assertThat(this.http.delete("/api/users/me/relationships/" + ada.id(), null, bob.token()).status())
			.as("declined")
			.isEqualTo(204);
		assertThat(this.http.delete("/api/users/me/relationships/" + cy.id(), null, ada.token()).status())
			.as("cancelled")
			.isEqualTo(204);
		assertThat(types(ada)).isEmpty();
		assertThat(types(bob)).isEmpty();
		assertThat(types(cy)).isEmpty();
		befriend(ada, bob);
		assertThat(this.http.delete("/api/users/me/relationships/" + ada.id(), null, bob.token()).status())
			.isEqualTo(204);
		assertThat(types(ada)).isEmpty();
		assertThat(this.http.delete("/api/users/me/relationships/" + ada.id(), null, bob.token()).status())
			.isEqualTo(404);
	}

	@Test
	void aBlockedUsersRequestLooksPendingToThemAndNeverReachesTheBlocker() {
		User blocker = newUser();
		User blocked = newUser();
		User other = newUser();
		befriend(blocker, blocked);

		Http.Reply block = this.http.put("/api/users/me/blocks/" + blocked.id(), Map.of(), blocker.token());
		assertThat(block.<String>json("$.type")).isEqualTo("blocked");
		assertThat(types(blocked)).as("the block ended the friendship").isEmpty();

		Http.Reply toBlocker = this.http.put("/api/users/me/relationships/" + blocker.id(), Map.of(), blocked.token());
		Http.Reply toOther = this.http.put("/api/users/me/relationships/" + other.id(), Map.of(), blocked.token());

		assertThat(toBlocker.status()).isEqualTo(toOther.status()).isEqualTo(200);
		assertThat(toBlocker.<String>json("$.type")).isEqualTo(toOther.<String>json("$.type")).isEqualTo("outgoing");
		assertThat(types(blocked)).containsExactly("outgoing", "outgoing");
		assertThat(types(blocker)).as("the blocker sees only the block").containsExactly("blocked");
		assertThat(types(other)).containsExactly("incoming");
		assertThat(this.http.put("/api/users/me/relationships/" + blocked.id(), Map.of(), blocker.token()).status())
			.as("unblock first")
			.isEqualTo(409);

		assertThat(this.http.delete("/api/users/me/blocks/" + blocked.id(), null, blocker.token()).status())
			.isEqualTo(204);
		assertThat(types(blocker)).as("the request sent meanwhile shows once unblocked").containsExactly("incoming");
	}

	@Test
	void aUserWhoRefusesFriendRequestsIsAnswered403WithAReason() {
		User ada = newUser();
		User closed = newUser();
		privacy(closed, true, false, 2);

		Http.Reply refused = this.http.put("/api/users/me/relationships/" + closed.id(), Map.of(), ada.token());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.<String>json("$.type")).endsWith("friend-requests-closed");
		assertThat(refused.<String>json("$.detail")).isEqualTo("This user does not accept friend requests.");
		assertThat(types(closed)).isEmpty();
		privacy(closed, true, true, 1);
		assertThat(this.http.put("/api/users/me/relationships/" + closed.id(), Map.of(), ada.token()).status())
			.as("an older settings version changes nothing")
			.isEqualTo(403);
		privacy(closed, true, true, 3);
		assertThat(this.http.put("/api/users/me/relationships/" + closed.id(), Map.of(), ada.token()).status())
			.isEqualTo(200);
	}

	@Test
	void refusesUnknownUsersAndOneself() {
		User ada = newUser();

		assertThat(this.http.put("/api/users/me/relationships/" + ada.id(), Map.of(), ada.token()).status())
			.isEqualTo(400);
		assertThat(this.http.put("/api/users/me/relationships/" + java.util.UUID.randomUUID(), Map.of(), ada.token())
			.status()).isEqualTo(404);
		assertThat(
				this.http.post("/api/users/me/relationships", Map.of("username", "nobody-here"), ada.token()).status())
			.isEqualTo(404);
		assertThat(this.http.put("/api/users/me/relationships/not-a-uuid", Map.of(), ada.token()).status())
			.isEqualTo(400);
	}

	private List<String> types(User user) {
		return this.http.get("/api/users/me/relationships", user.token()).json("$[*].type");
	}

}
