package dev.flux.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.flux.chat.id.Snowflakes;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History pages by id through 10,000 messages, both ways, without a gap or a duplicate.
 * The messages are written by SQL with the service's own id generator (sending 10,000
 * over HTTP would only make the test slow); the pages are read through the API.
 */
class HistoryPagingTests extends ChatServiceTest {

	private static final int MESSAGES = 10_000;

	@Autowired
	Snowflakes ids;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void pagesTenThousandMessagesBackwardsAndForwardsWithoutGapOrDuplicate() {
		User owner = newUser();
		Server server = newServer(owner);
		List<String> written = seed(Long.parseLong(server.general()), owner);
		String path = "/api/channels/" + server.general() + "/messages?limit=100";

		List<String> backwards = new ArrayList<>();
		List<String> page = ids(this.http.get(path, owner.token()));
		while (!page.isEmpty()) {
			backwards.addAll(page);
			page = ids(this.http.get(path + "&before=" + page.get(page.size() - 1), owner.token()));
		}
		List<String> forwards = new ArrayList<>();
		page = ids(this.http.get(path + "&after=0", owner.token()));
		while (!page.isEmpty()) {
			List<String> oldestFirst = new ArrayList<>(page);
			Collections.reverse(oldestFirst);
			forwards.addAll(oldestFirst);
			page = ids(this.http.get(path + "&after=" + oldestFirst.get(oldestFirst.size() - 1), owner.token()));
		}

		List<String> newestFirst = new ArrayList<>(written);
		Collections.reverse(newestFirst);
		assertThat(backwards).hasSize(MESSAGES).doesNotHaveDuplicates().isEqualTo(newestFirst);
		assertThat(forwards).isEqualTo(written);
	}

	private List<String> seed(long channelId, User author) {
		List<Object[]> rows = new ArrayList<>();
		List<String> written = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			long id = this.ids.next();
			rows.add(new Object[] { channelId, id, author.id(), "message " + i });
			written.add(Long.toString(id));
		}
		this.jdbcTemplate.batchUpdate(
				"insert into messages (channel_id, id, author_id, content, version) values (?, ?, ?, ?, 1)", rows);
		return written;
	}

	private static List<String> ids(Http.Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<Map<String, Object>> messages = reply.json("$");
		assertThat(messages.size()).isLessThanOrEqualTo(100);
		return messages.stream().map((message) -> (String) message.get("id")).toList();
	}

}
