package dev.flux.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactions counted per emoji, and pins. */
class ReactionAndPinTests extends ChatServiceTest {

	private static final String THUMBS_UP = "\uD83D\uDC4D";

	@Test
	void aReactionAddedTwiceCountsOnceAndShowsWhetherItIsMine() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		String message = send(owner, server.general(), "React to me");
		String reactions = "/api/channels/" + server.general() + "/messages/" + message + "/reactions/";

		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			assertThat(this.http.put(reactions + encode(THUMBS_UP) + "/me", Map.of(), member.token()).status())
				.isEqualTo(204);
			assertThat(this.http.put(reactions + encode(THUMBS_UP) + "/me", Map.of(), member.token()).status())
				.isEqualTo(204);
			this.http.put(reactions + encode(THUMBS_UP) + "/me", Map.of(), owner.token());
			this.http.put(reactions + encode(":party_parrot:") + "/me", Map.of(), member.token());

			Http.Reply seen = this.http.get(reactions.substring(0, reactions.length() - 1), owner.token());
			assertThat(seen.<List<String>>json("$[*].emoji")).containsExactly(THUMBS_UP, ":party_parrot:");
			assertThat(seen.<List<Integer>>json("$[*].count")).containsExactly(2, 1);
			assertThat(seen.<List<Boolean>>json("$[*].me")).containsExactly(true, false);
			List<String> events = tap.until((event) -> event.contains(":party_parrot:"));
			assertThat(events).filteredOn(EventTap.is("message.reaction_added", message)).hasSize(3);
		}
		this.http.delete(reactions + encode(THUMBS_UP) + "/me", null, member.token());
		assertThat(this.http.get(reactions.substring(0, reactions.length() - 1), member.token())
			.<List<Boolean>>json("$[*].me")).containsExactly(false, true);
	}

	@Test
	void refusesWhatIsNoEmoji() {
		User owner = newUser();
		Server server = newServer(owner);
		String message = send(owner, server.general(), "React to me");
		String reactions = "/api/channels/" + server.general() + "/messages/" + message + "/reactions/";

		for (String bad : List.of("abc", "1", ":a:", "%F0%9F%91%8Dx")) {
			assertThat(this.http.put(reactions + bad + "/me", Map.of(), owner.token()).status()).as(bad).isEqualTo(400);
		}
		assertThat(
				this.http.put(reactions + encode("\uD83C\uDDEB\uD83C\uDDF7") + "/me", Map.of(), owner.token()).status())
			.as("a flag")
			.isEqualTo(204);
	}

	@Test
	void pinningNeedsManageMessagesInAServerAndHoldsFiftyPerChannel() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		String message = send(member, server.general(), "Pin me");
		String pins = "/api/channels/" + server.general() + "/pins";

		Http.Reply refused = this.http.put(pins + "/" + message, Map.of(), member.token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.<String>json("$.type")).endsWith("missing-permission");
		assertThat(this.http.put(pins + "/" + message, Map.of(), owner.token()).status()).isEqualTo(204);
		assertThat(this.http.get(pins, member.token()).<List<String>>json("$[*].content")).containsExactly("Pin me");
		for (int i = 1; i < 50; i++) {
			assertThat(this.http.put(pins + "/" + send(owner, server.general(), "pin " + i), Map.of(), owner.token())
				.status()).isEqualTo(204);
		}
		Http.Reply full = this.http.put(pins + "/" + send(owner, server.general(), "one too many"), Map.of(),
				owner.token());
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.<String>json("$.type")).endsWith("too-many-pins");
		assertThat(this.http.delete(pins + "/" + message, null, owner.token()).status()).isEqualTo(204);
		assertThat(this.http.get(pins, owner.token()).<List<String>>json("$[*].content")).hasSize(49)
			.doesNotContain("Pin me");
	}

	@Test
	void anyoneInADmPins() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);
		String message = send(ada, dm, "Remember this");

		assertThat(this.http.put("/api/channels/" + dm + "/pins/" + message, Map.of(), bob.token()).status())
			.isEqualTo(204);
		assertThat(this.http.get("/api/channels/" + dm + "/pins", ada.token()).<List<String>>json("$[*].id"))
			.containsExactly(message);
	}

	private String send(User user, String channel, String content) {
		Http.Reply sent = this.http.post("/api/channels/" + channel + "/messages", Map.of("content", content),
				user.token());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json("$.id");
	}

	private static String encode(String emoji) {
		return URLEncoder.encode(emoji, StandardCharsets.UTF_8);
	}

}
