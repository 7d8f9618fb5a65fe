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

/** Read states: acks move forward only, unread flags and mention counts. */
class ReadStateTests extends ChatServiceTest {

	@Test
	void anAckMovesTheReadStateForwardAndNeverBack() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);
		String first = send(ada, dm, "one");
		String second = send(ada, dm, "two");

		Http.Reply before = this.http.get("/api/channels/" + dm + "/read-state", bob.token());
		assertThat(before.<Boolean>json("$.unread")).isTrue();
		assertThat(before.<Integer>json("$.mentionCount")).as("every DM message counts").isEqualTo(2);
		assertThat(ack(bob, dm, second).<String>json("$.lastReadMessageId")).isEqualTo(second);
		Http.Reply older = ack(bob, dm, first);

		assertThat(older.<String>json("$.lastReadMessageId")).isEqualTo(second);
		assertThat(older.<Boolean>json("$.unread")).isFalse();
		assertThat(older.<Integer>json("$.mentionCount")).isZero();
	}

	@Test
	void sendingAMessageReadsTheChannelUpToItForItsAuthor() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);
		send(bob, dm, "are you there?");
		String answer = send(ada, dm, "yes");

		Http.Reply mine = this.http.get("/api/channels/" + dm + "/read-state", ada.token());
		Http.Reply theirs = this.http.get("/api/channels/" + dm + "/read-state", bob.token());

		assertThat(mine.<String>json("$.lastReadMessageId")).isEqualTo(answer);
		assertThat(mine.<Boolean>json("$.unread")).isFalse();
		assertThat(mine.<Integer>json("$.mentionCount")).isZero();
		assertThat(theirs.<Boolean>json("$.unread")).isTrue();
		assertThat(theirs.<Integer>json("$.mentionCount")).isEqualTo(1);
	}

	@Test
	void concurrentAcksFromTwoDevicesEndAtTheNewest() throws Exception {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(send(ada, dm, "m" + i));
		}
		List<Callable<Http.Reply>> acks = new ArrayList<>();
		for (int device = 0; device < 2; device++) {
			List<String> order = new ArrayList<>(ids);
			if (device == 1) {
				java.util.Collections.reverse(order);
			}
			acks.add(() -> {
				Http client = new Http(this.port);
				Http.Reply last = null;
				List<Long> seen = new ArrayList<>();
				for (String id : order) {
					last = client.post("/api/channels/" + dm + "/messages/" + id + "/ack", Map.of(), bob.token());
					assertThat(last.status()).isEqualTo(200);
					seen.add(Long.valueOf(last.<String>json("$.lastReadMessageId")));
				}
				assertThat(seen).as("the read state each ack answers, on one device: it never moves back").isSorted();
				return last;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (Future<Http.Reply> ack : pool.invokeAll(acks)) {
				ack.get();
			}
		}
		finally {
			pool.shutdown();
		}

		Http.Reply state = this.http.get("/api/channels/" + dm + "/read-state", bob.token());
		assertThat(state.<String>json("$.lastReadMessageId")).isEqualTo(ids.get(ids.size() - 1));
		assertThat(state.<Boolean>json("$.unread")).isFalse();
	}

	@Test
	void mentionsInAServerChannelCountOnlyThoseOfTheReader() {
		User owner = newUser();
		User member = newUser();
		Server server = newServer(owner);
		join(owner, server, member);
		send(owner, server.general(), "no mention");
		send(owner, server.general(), "hey <@" + member.id() + ">");
		String last = send(owner, server.general(), "again <@" + member.id() + ">");
		try (EventTap tap = new EventTap(this.admin, this.rabbit)) {
			Http.Reply state = this.http.get("/api/users/me/read-states", member.token());
			assertThat(state.<List<Integer>>json("$[?(@.channelId == '" + server.general() + "')].mentionCount"))
				.containsExactly(2);

			ack(member, server.general(), last);

			assertThat(this.http.get("/api/users/me/read-states", member.token())
				.<List<Boolean>>json("$[?(@.channelId == '" + server.general() + "')].unread")).containsExactly(false);
			tap.until(EventTap.is("read_state.updated", member.id() + ":" + server.general()));
		}
	}

	@Test
	void anAckOfAMessageOfAnotherChannelIsNotFound() {
		User ada = newUser();
		User bob = newUser();
		String dm = dm(ada, bob);
		Server server = newServer(ada);
		String elsewhere = send(ada, server.general(), "elsewhere");

		assertThat(ack(ada, dm, elsewhere).status()).isEqualTo(404);
	}

	private String send(User user, String channel, String content) {
		Http.Reply sent = this.http.post("/api/channels/" + channel + "/messages", Map.of("content", content),
				user.token());
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return sent.json("$.id");
	}

	private Http.Reply ack(User user, String channel, String message) {
		return this.http.post("/api/channels/" + channel + "/messages/" + message + "/ack", Map.of(), user.token());
	}

}
