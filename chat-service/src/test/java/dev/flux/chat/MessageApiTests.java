package dev.flux.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Sending, editing, deleting and reading messages, with nonces and mentions. */
class MessageApiTests extends ChatServiceTest {

	@Test
	void aMemberSendsAMessageOthersReadWithItsAuthor() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);

		Http.Reply sent = send(member, server.general(), Map.of("content", "Hello there"));

		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.<String>json("$.author.username")).isEqualTo(member.username());
		Http.Reply history = this.http.get("/api/channels/" + server.general() + "/messages", owner.token());
		assertThat(history.<List<String>>json("$[*].content")).containsExactly("Hello there");
		assertThat(history.<String>json("$[0].id")).isEqualTo(sent.json("$.id"));
	}

	@Test
	void aRetriedSendWithTheSameNonceGivesOneMessage() throws Exception {
		User owner = newUser();
		Server server = newServer(owner);
		Map<String, Object> body = Map.of("content", "Only once", "nonce", "n-42");

		List<Callable<Http.Reply>> sends = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			sends.add(() -> new Http(this.port).post("/api/channels/" + server.general() + "/messages", body,
					owner.token()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Http.Reply> replies = new ArrayList<>();
		try {
			for (Future<Http.Reply> reply : pool.invokeAll(sends)) {
				replies.add(reply.get());
			}
		}
		finally {
			pool.shutdown();
		}
		Http.Reply retried = send(owner, server.general(), body);

		assertThat(replies).extracting(Http.Reply::status).containsOnly(200, 201).containsOnlyOnce(201);
		String id = retried.json("$.id");
		assertThat(replies.stream().map((reply) -> reply.<String>json("$.id")).toList()).containsOnly(id);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(this.http.get("/api/channels/" + server.general() + "/messages", owner.token())
			.<List<String>>json("$[*].content")).containsExactly("Only once");
	}

	@Test
	void mentionsCountMembersRolesAndEveryoneOnlyWhenAllowed() {
		User owner = newUser();
		User member = newUser();
		User stranger = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		String role = this.http
			.post("/api/servers/" + server.id() + "/roles", Map.of("name", "Team", "permissions", List.of()),
					owner.token())
			.json("$.id");

		Http.Reply byMember = send(member, server.general(), Map.of("content",
				"<@" + owner.id() + "> <@" + stranger.id() + "> <@&" + role + "> <@&12345> @everyone"));
		Http.Reply byOwner = send(owner, server.general(), Map.of("content", "@everyone meeting"));

		assertThat(byMember.<List<String>>json("$.mentions.users")).containsExactly(owner.id().toString());
		assertThat(byMember.<List<String>>json("$.mentions.roles")).containsExactly(role);
		assertThat(byMember.<Boolean>json("$.mentions.everyone")).isFalse();
		assertThat(byOwner.<Boolean>json("$.mentions.everyone")).isTrue();
	}

	@Test
	void onlyTheAuthorEditsAndTheAuthorOrAModeratorDeletes() {
		User owner = newUser();
		User author = newUser();
		User other = newUser();
		Server server = newServer(owner);
		join(owner, server, author);
		join(owner, server, other);
		String first = send(author, server.general(), Map.of("content", "first")).json("$.id");
		String second = send(author, server.general(), Map.of("content", "second")).json("$.id");
		String path = "/api/channels/" + server.general() + "/messages/";

		assertThat(this.http.patch(path + first, Map.of("content", "hijacked"), other.token()).status()).isEqualTo(403);
		Http.Reply edited = this.http.patch(path + first, Map.of("content", "first, edited"), author.token());
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.<String>json("$.editedAt")).isNotNull();
		assertThat(this.http.delete(path + first, null, other.token()).status()).isEqualTo(403);
		assertThat(this.http.delete(path + first, null, author.token()).status()).isEqualTo(204);
		assertThat(this.http.delete(path + second, null, owner.token()).status()).as("MANAGE_MESSAGES").isEqualTo(204);
		assertThat(this.http.get(path + first, owner.token()).status()).isEqualTo(404);
		assertThat(
				this.http.get("/api/channels/" + server.general() + "/messages", owner.token()).<List<String>>json("$"))
			.isEmpty();
	}

	@Test
	void aReplyMustAnswerAMessageOfTheSameChannel() {
		User owner = newUser();
		Server server = newServer(owner);
		String other = this.http
			.post("/api/servers/" + server.id() + "/channels", Map.of("name", "other", "type", "text"), owner.token())
			.json("$.id");
		String elsewhere = send(owner, other, Map.of("content", "elsewhere")).json("$.id");
		String here = send(owner, server.general(), Map.of("content", "here")).json("$.id");

		Http.Reply refused = send(owner, server.general(), Map.of("content", "re", "replyTo", elsewhere));
		Http.Reply reply = send(owner, server.general(), Map.of("content", "re", "replyTo", here));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.<String>json("$.replyTo")).isEqualTo(here);
	}

	@Test
	void aChannelOverwriteDenyingSendMessagesRefusesTheSendAndStoresNothing() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		assertThat(this.http
			.put("/api/channels/" + server.general() + "/overwrites/roles/" + server.id(),
					Map.of("allow", List.of(), "deny", List.of("SEND_MESSAGES")), owner.token())
			.status()).isEqualTo(200);

		Http.Reply refused = send(member, server.general(), Map.of("content", "let me in"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.<String>json("$.type")).endsWith("/missing-permission");
		assertThat(this.http.get("/api/channels/" + server.general() + "/messages", member.token())
			.<List<String>>json("$")).isEmpty();
		assertThat(send(owner, server.general(), Map.of("content", "owner can")).status()).isEqualTo(201);
	}

	@Test
	void historyPagesBeforeAfterAndAroundAnId() {
		User owner = newUser();
		Server server = newServer(owner);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			ids.add(send(owner, server.general(), Map.of("content", "m" + i)).json("$.id"));
		}
		String path = "/api/channels/" + server.general() + "/messages";

		assertThat(contents(path + "?limit=3", owner)).containsExactly("m8", "m7", "m6");
		assertThat(contents(path + "?limit=3&before=" + ids.get(6), owner)).containsExactly("m5", "m4", "m3");
		assertThat(contents(path + "?limit=3&after=" + ids.get(2), owner)).containsExactly("m5", "m4", "m3");
		assertThat(contents(path + "?limit=4&around=" + ids.get(4), owner)).containsExactly("m5", "m4", "m3", "m2");
	}

	@Test
	void historyShowsNothingToAStrangerOrToAMemberDeniedReadMessageHistory() {
		User owner = newUser();
		User member = newUser();
		User stranger = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		send(owner, server.general(), Map.of("content", "members only"));
		String path = "/api/channels/" + server.general() + "/messages";
		assertThat(contents(path, member)).containsExactly("members only");
		assertThat(this.http
			.put("/api/channels/" + server.general() + "/overwrites/roles/" + server.id(),
					Map.of("allow", List.of(), "deny", List.of("READ_MESSAGE_HISTORY")), owner.token())
			.status()).isEqualTo(200);

		Http.Reply denied = this.http.get(path, member.token());
		Http.Reply hidden = this.http.get(path + "?limit=100", stranger.token());

		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.<String>json("$.type")).endsWith("/missing-permission");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(denied.body()).doesNotContain("members only");
		assertThat(hidden.body()).doesNotContain("members only");
		assertThat(contents(path, owner)).containsExactly("members only");
	}

	@Test
	void badInputIsA400ProblemNeverA500() {
		User owner = newUser();
		Server server = newServer(owner);
		String path = "/api/channels/" + server.general() + "/messages";

		assertThat(send(owner, server.general(), Map.of("content", "")).status()).isEqualTo(400);
		assertThat(send(owner, server.general(), Map.of("content", "   ")).status()).isEqualTo(400);
		assertThat(send(owner, server.general(), Map.of("content", "x".repeat(2001))).status()).isEqualTo(400);
		assertThat(send(owner, server.general(), Map.of("content", "x".repeat(2000))).status()).isEqualTo(201);
		assertThat(send(owner, server.general(), Map.of("content", "x", "nonce", "n".repeat(65))).status())
			.isEqualTo(400);
		assertThat(send(owner, server.general(), Map.of("content", "x", "replyTo", "nope")).status()).isEqualTo(400);
		assertThat(this.http.get(path + "?limit=0", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get(path + "?limit=101", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get(path + "?before=1&after=2", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get(path + "?before=abc", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get(path + "/99", owner.token()).status()).isEqualTo(404);
		assertThat(this.http.post(path, "[]", owner.token()).status()).isEqualTo(400);
	}

	private Http.Reply send(User user, String channel, Map<String, Object> body) {
		return this.http.post("/api/channels/" + channel + "/messages", body, user.token());
	}

	private List<String> contents(String path, User user) {
		Http.Reply reply = this.http.get(path, user.token());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json("$[*].content");
	}

}
