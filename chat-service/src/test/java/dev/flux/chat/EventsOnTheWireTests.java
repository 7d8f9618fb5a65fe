package dev.flux.chat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chat-service publishes: each change's event, through the outbox, in the
 * envelope and under the contract common-events holds it to.
 */
class EventsOnTheWireTests extends ChatServiceTest {

	@Test
	void creatingAServerAnnouncesTheServerItsRoleItsChannelAndItsOwnerJoining() {
		User owner = newUser();
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			Server server = newServer(owner);

			List<String> events = tap.until(EventTap.is("server.member_joined", server.id()));

			assertThat(events).anySatisfy((event) -> {
				assertThat(JsonPath.<String>read(event, "$.type")).isEqualTo("server.created");
				assertThat(JsonPath.<String>read(event, "$.producer")).isEqualTo("chat-service");
				assertThat(JsonPath.<Integer>read(event, "$.aggregateVersion")).isEqualTo(1);
				assertThat(JsonPath.<String>read(event, "$.payload.ownerId")).isEqualTo(owner.id().toString());
			});
			assertThat(events)
				.anySatisfy((event) -> assertThat(EventTap.is("role.created", server.id()).test(event)).isTrue());
			assertThat(events).anySatisfy(
					(event) -> assertThat(EventTap.is("channel.created", server.general()).test(event)).isTrue());
		}
	}

	@Test
	void aMessageIsAnnouncedSentEditedAndDeletedWithIncreasingVersions() {
		User owner = newUser();
		Server server = newServer(owner);
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			Http.Reply sent = this.http.post("/api/channels/" + server.general() + "/messages",
					Map.of("content", "hi <@" + owner.id() + ">", "nonce", "abc"), owner.token());
			String id = sent.json("$.id");
			String path = "/api/channels/" + server.general() + "/messages/" + id;
			this.http.patch(path, Map.of("content", "hello"), owner.token());
			this.http.delete(path, null, owner.token());

			List<String> events = tap.until(EventTap.is("message.deleted", id));

			List<String> about = events.stream()
				.filter((event) -> id.equals(JsonPath.read(event, "$.aggregateId")))
				.toList();
			assertThat(about).extracting((event) -> JsonPath.<String>read(event, "$.type"))
				.containsExactly("message.sent", "message.edited", "message.deleted");
			assertThat(about).extracting((event) -> JsonPath.<Integer>read(event, "$.aggregateVersion"))
				.containsExactly(1, 2, 3);
			String first = about.get(0);
			assertThat(JsonPath.<String>read(first, "$.payload.messageId")).isEqualTo(id);
			assertThat(JsonPath.<String>read(first, "$.payload.authorId")).isEqualTo(owner.id().toString());
			assertThat(JsonPath.<String>read(first, "$.payload.channelId")).isEqualTo(server.general());
			assertThat(JsonPath.<String>read(first, "$.payload.serverId")).isEqualTo(server.id());
			assertThat(JsonPath.<String>read(first, "$.payload.content")).isEqualTo("hi <@" + owner.id() + ">");
			assertThat(JsonPath.<String>read(first, "$.payload.nonce")).isEqualTo("abc");
			assertThat(JsonPath.<List<String>>read(first, "$.payload.mentions.users"))
				.containsExactly(owner.id().toString());
			assertThat(JsonPath.<String>read(about.get(2), "$.payload.deletedBy")).isEqualTo(owner.id().toString());
		}
	}

	@Test
	void aKickIsAnnouncedAsAMemberLeavingWithItsReason() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			this.http.delete("/api/servers/" + server.id() + "/members/" + member.id(), null, owner.token());

			List<String> events = tap.until(EventTap.is("server.member_left", server.id()));

			assertThat(events).filteredOn(EventTap.is("server.member_left", server.id())::test)
				.singleElement()
				.satisfies((event) -> {
					assertThat(JsonPath.<String>read(event, "$.payload.userId")).isEqualTo(member.id().toString());
					assertThat(JsonPath.<String>read(event, "$.payload.reason")).isEqualTo("kicked");
				});
		}
	}

}
