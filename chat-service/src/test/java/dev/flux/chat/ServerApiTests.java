package dev.flux.chat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers, channels, roles, invites and members through the REST API: who may do what,
 * and that a refused write is 403 problem+json and changes nothing.
 */
class ServerApiTests extends ChatServiceTest {

	@Test
	void creatingAServerMakesTheCreatorItsOwnerWithAGeneralChannel() {
		User owner = newUser();

		Http.Reply created = this.http.post("/api/servers", Map.of("name", "  Chess club "), owner.token());

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.<String>json("$.server.name")).isEqualTo("Chess club");
		assertThat(created.<String>json("$.server.ownerId")).isEqualTo(owner.id().toString());
		assertThat(created.<String>json("$.channels[0].name")).isEqualTo("general");
		assertThat(created.<String>json("$.channels[0].type")).isEqualTo("text");
		assertThat(created.<String>json("$.roles[0].id")).isEqualTo(created.json("$.server.id"));
		assertThat(created.<List<String>>json("$.server.permissions")).contains("ADMINISTRATOR");
		String id = created.json("$.server.id");
		assertThat(this.http.get("/api/servers/" + id, owner.token()).status()).isEqualTo(200);
		assertThat(this.http.get("/api/servers", owner.token()).<List<String>>json("$[*].id")).containsExactly(id);
	}

	@Test
	void aServerIsInvisibleToNonMembers() {
		User owner = newUser();
		User stranger = newUser();
		Server server = newServer(owner);

		Http.Reply read = this.http.get("/api/servers/" + server.id(), stranger.token());

		assertThat(read.status()).isEqualTo(404);
		assertThat(read.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.http.get("/api/channels/" + server.general() + "/messages", stranger.token()).status())
			.isEqualTo(404);
	}

	@Test
	void anInviteLetsAUserJoinAndShowsThemInTheMemberListInJoinOrder() {
		User owner = newUser();
		User first = newUser();
		User second = newUser();
		Server server = newServer(owner);

		join(owner, server, first);
		join(owner, server, second);

		Http.Reply page = this.http.get("/api/servers/" + server.id() + "/members?limit=2", second.token());
		assertThat(page.<List<String>>json("$.members[*].user.id")).containsExactly(owner.id().toString(),
				first.id().toString());
		Http.Reply rest = this.http.get("/api/servers/" + server.id() + "/members?after=" + page.json("$.next"),
				second.token());
		assertThat(rest.<List<String>>json("$.members[*].user.id")).containsExactly(second.id().toString());
		assertThat(rest.<Object>json("$.next")).isNull();
		assertThat(rest.<String>json("$.members[0].user.username")).isEqualTo(second.username());
	}

	@Test
	void anInviteStopsWorkingAfterItsMaximumUses() {
		User owner = newUser();
		Server server = newServer(owner);
		String code = this.http
			.post("/api/channels/" + server.general() + "/invites", Map.of("maxUses", 1), owner.token())
			.json("$.code");

		assertThat(this.http.post("/api/invites/" + code, Map.of(), newUser().token()).status()).isEqualTo(200);
		Http.Reply second = this.http.post("/api/invites/" + code, Map.of(), newUser().token());

		assertThat(second.status()).isEqualTo(404);
	}

	@Test
	void aMemberWithoutManageChannelsIsRefusedAndNothingChanges() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);

		Http.Reply refused = this.http.post("/api/servers/" + server.id() + "/channels",
				Map.of("name", "secret", "type", "text"), member.token());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.<String>json("$.type")).endsWith("/missing-permission");
		assertThat(this.http.get("/api/servers/" + server.id() + "/channels", owner.token())
			.<List<String>>json("$[*].name")).containsExactly("general");
	}

	@Test
	void aRoleGrantsWhatItsPermissionsSay() {
		User owner = newUser();
		User moderator = newUser();
		Server server = newServer(owner);
		join(owner, server, moderator);
		Http.Reply role = this.http.post("/api/servers/" + server.id() + "/roles",
				Map.of("name", "Moderators", "permissions", List.of("MANAGE_CHANNELS")), owner.token());
		assertThat(role.status()).as(role.body()).isEqualTo(201);

		assertThat(this.http
			.put("/api/servers/" + server.id() + "/members/" + moderator.id() + "/roles/" + role.json("$.id"), Map.of(),
					owner.token())
			.status()).isEqualTo(204);
		Http.Reply created = this.http.post("/api/servers/" + server.id() + "/channels",
				Map.of("name", "rules", "type", "text", "topic", "Read me"), moderator.token());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.<String>json("$.topic")).isEqualTo("Read me");
	}

	@Test
	void editsHonourIfMatch() {
		User owner = newUser();
		Server server = newServer(owner);
		Http.Reply read = this.http.get("/api/servers/" + server.id(), owner.token());
		String etag = read.header("ETag");

		Http.Reply renamed = this.http.patch("/api/servers/" + server.id(), Map.of("name", "Renamed"), owner.token(),
				"If-Match", etag);
		Http.Reply stale = this.http.patch("/api/servers/" + server.id(), Map.of("name", "Again"), owner.token(),
				"If-Match", etag);

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.header("ETag")).isNotEqualTo(etag);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.http.get("/api/servers/" + server.id(), owner.token()).<String>json("$.name"))
			.isEqualTo("Renamed");
		Http.Reply channel = this.http.get("/api/channels/" + server.general(), owner.token());
		Http.Reply staleChannel = this.http.patch("/api/channels/" + server.general(), Map.of("topic", "x"),
				owner.token(), "If-Match", "\"c999\"");
		assertThat(staleChannel.status()).isEqualTo(412);
		assertThat(this.http
			.patch("/api/channels/" + server.general(), Map.of("topic", "x"), owner.token(), "If-Match",
					channel.header("ETag"))
			.status()).isEqualTo(200);
	}

	@Test
	void kickedAndBannedMembersLeaveAndABannedUserCannotRejoin() {
		User owner = newUser();
		User kicked = newUser();
		User banned = newUser();
		Server server = newServer(owner);
		join(owner, server, kicked);
		join(owner, server, banned);
		String code = this.http
			.post("/api/channels/" + server.general() + "/invites", Map.of("maxAge", 0), owner.token())
			.json("$.code");

		assertThat(this.http.delete("/api/servers/" + server.id() + "/members/" + kicked.id(), null, owner.token())
			.status()).isEqualTo(204);
		assertThat(this.http
			.put("/api/servers/" + server.id() + "/bans/" + banned.id(), Map.of("reason", "spam"), owner.token())
			.status()).isEqualTo(204);

		assertThat(this.http.get("/api/servers/" + server.id(), kicked.token()).status()).isEqualTo(404);
		assertThat(this.http.get("/api/servers/" + server.id(), banned.token()).status()).isEqualTo(404);
		assertThat(this.http.post("/api/invites/" + code, Map.of(), kicked.token()).status()).isEqualTo(200);
		Http.Reply rejoin = this.http.post("/api/invites/" + code, Map.of(), banned.token());
		assertThat(rejoin.status()).isEqualTo(403);
		assertThat(rejoin.<String>json("$.type")).endsWith("/banned");
	}

	@Test
	void aMemberCannotKickTheOwnerOrSomeoneAtTheirOwnLevel() {
		User owner = newUser();
		User a = newUser();
		User b = newUser();
		Server server = newServer(owner);
		join(owner, server, a);
		join(owner, server, b);
		String role = this.http
			.post("/api/servers/" + server.id() + "/roles",
					Map.of("name", "Kickers", "permissions", List.of("KICK_MEMBERS")), owner.token())
			.json("$.id");
		this.http.put("/api/servers/" + server.id() + "/members/" + a.id() + "/roles/" + role, Map.of(), owner.token());
		this.http.put("/api/servers/" + server.id() + "/members/" + b.id() + "/roles/" + role, Map.of(), owner.token());

		assertThat(this.http.delete("/api/servers/" + server.id() + "/members/" + owner.id(), null, a.token()).status())
			.isEqualTo(403);
		assertThat(this.http.delete("/api/servers/" + server.id() + "/members/" + b.id(), null, a.token()).status())
			.isEqualTo(403);
		assertThat(this.http.get("/api/servers/" + server.id(), b.token()).status()).isEqualTo(200);
	}

	@Test
	void membersSetTheirOwnNicknameAndTheOwnerCannotLeave() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);

		assertThat(this.http
			.patch("/api/servers/" + server.id() + "/members/me", Map.of("nickname", "Knight"), member.token())
			.status()).isEqualTo(204);
		assertThat(this.http
			.patch("/api/servers/" + server.id() + "/members/" + owner.id(), Map.of("nickname", "Boss"), member.token())
			.status()).isEqualTo(403);

		Http.Reply members = this.http.get("/api/servers/" + server.id() + "/members", owner.token());
		assertThat(members.<List<String>>json("$.members[?(@.nickname == 'Knight')].user.id"))
			.containsExactly(member.id().toString());
		assertThat(this.http.delete("/api/servers/" + server.id() + "/members/me", null, owner.token()).status())
			.isEqualTo(409);
		assertThat(this.http.delete("/api/servers/" + server.id() + "/members/me", null, member.token()).status())
			.isEqualTo(204);
	}

	@Test
	void onlyTheOwnerDeletesAServer() {
		User owner = newUser();
		User admin = newUser();
		Server server = newServer(owner);
		join(owner, server, admin);
		String role = this.http
			.post("/api/servers/" + server.id() + "/roles",
					Map.of("name", "Admins", "permissions", List.of("ADMINISTRATOR")), owner.token())
			.json("$.id");
		this.http.put("/api/servers/" + server.id() + "/members/" + admin.id() + "/roles/" + role, Map.of(),
				owner.token());

		assertThat(this.http.delete("/api/servers/" + server.id(), null, admin.token()).status()).isEqualTo(403);
		assertThat(this.http.delete("/api/servers/" + server.id(), null, owner.token()).status()).isEqualTo(204);
		assertThat(this.http.get("/api/servers/" + server.id(), owner.token()).status()).isEqualTo(404);
	}

	@Test
	void badInputIsA400ProblemNeverA500() {
		User owner = newUser();
		Server server = newServer(owner);

		assertThat(this.http.post("/api/servers", Map.of("name", " "), owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get("/api/servers/abc", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get("/api/servers/-5", owner.token()).status()).isEqualTo(400);
		assertThat(this.http
			.post("/api/servers/" + server.id() + "/roles", Map.of("name", "x", "permissions", List.of("FLY")),
					owner.token())
			.status()).isEqualTo(400);
		assertThat(
				this.http.patch("/api/channels/" + server.general(), Map.of("colour", "red"), owner.token()).status())
			.isEqualTo(400);
		assertThat(this.http
			.post("/api/servers/" + server.id() + "/channels", Map.of("name", "x", "type", "voice"), owner.token())
			.status()).isEqualTo(400);
		assertThat(this.http.post("/api/servers", "{not json", owner.token()).status()).isEqualTo(400);
		assertThat(this.http.get("/api/servers/" + server.id() + "/members?limit=0", owner.token()).status())
			.isEqualTo(400);
		assertThat(this.http.post("/api/invites/nope", Map.of(), owner.token()).status()).isEqualTo(404);
		assertThat(this.http
			.put("/api/servers/" + server.id() + "/members/" + UUID.randomUUID() + "/roles/1", Map.of(), owner.token())
			.status()).isEqualTo(404);
	}

}
