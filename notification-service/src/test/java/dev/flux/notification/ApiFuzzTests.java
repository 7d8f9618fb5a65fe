package dev.flux.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.ApiFuzzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification-service's inbox API and the gateway's frames, driven with generated
 * bad inputs: no request may answer 5xx, and no frame may close a socket as a server
 * error (1011). The requests come from the OpenAPI document the service serves.
 */
class ApiFuzzTests extends NotificationServiceTest {

	private static final List<String> FRAMES = List.of("", "null", "[]", "1", "\"x\"", "{", "{}", "{\"type\":null}",
			"{\"type\":1}", "{\"type\":\"\"}", "{\"type\":\"\\u0000\"}", "{\"type\":\"no_such_action\"}",
			"{\"type\":\"heartbeat\",\"meta\":{\"correlationId\":\"not-a-uuid\"}}",
			"{\"type\":\"heartbeat\",\"meta\":{\"correlationId\":1}}", "{\"type\":\"heartbeat\",\"meta\":[]}",
			"{\"type\":\"identify\",\"payload\":{\"token\":null}}",
			"{\"type\":\"identify\",\"payload\":{\"token\":[1]}}",
			"{\"type\":\"identify\",\"payload\":{\"token\":\"a.b.c\"}}", "{\"type\":\"identify\",\"payload\":\"x\"}",
			"{\"type\":\"resume\",\"payload\":{\"sessionId\":\"\\u0000\",\"seq\":-1}}",
			"{\"type\":\"resume\",\"payload\":{\"sessionId\":\"x\",\"seq\":99999999999999999999999}}",
			"{\"type\":\"resume\",\"payload\":{\"sessionId\":1,\"seq\":\"x\",\"token\":{}}}",
			"{\"type\":\"resume\",\"payload\":{\"seq\":1e309}}", "{\"type\":\"mark_read\",\"payload\":null}",
			"{\"type\":\"mark_read\",\"payload\":{\"notificationId\":\"\\u0000\"}}",
			"{\"type\":\"mark_read\",\"payload\":{\"notificationId\":123}}",
			"{\"type\":\"mark_read\",\"payload\":{\"all\":\"yes\"}}",
			"{\"type\":\"mark_read\",\"payload\":{\"notificationId\":\"00000000-0000-0000-0000-000000000000\"}}",
			"{\"type\":\"set_presence\",\"payload\":{\"status\":\"invisible\"}}",
			"{\"type\":\"set_presence\",\"payload\":{\"status\":[\"online\"]}}",
			"{\"type\":\"set_presence\",\"payload\":{\"status\":\"\\ud800\"}}", "[".repeat(1500),
			"{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}", "x".repeat(3000), "{\"type\":\"heartbeat\"}\u0000",
			"\uFEFF{\"type\":\"heartbeat\"}");

	@Test
	void noBadInputAnswers5xx() {
		User member = user();
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");
		ApiFuzzer fuzzer = ApiFuzzer.forService(this.port, (path) -> path.startsWith("/admin") ? admin : member.token(),
				Long.getLong("flux.fuzz.seed", 16));

		ApiFuzzer.Result result = fuzzer.run(Integer.getInteger("flux.fuzz.requests", 4000) / 2);

		assertThat(result.failures()).as(result::report).isEmpty();
	}

	@Test
	void noBadFrameClosesASocketAsAServerError() {
		Random random = new Random(Long.getLong("flux.fuzz.seed", 16));
		List<String> serverErrors = new ArrayList<>();
		User member = user();
		WsClient socket = connected(member);
		String last = "";
		int frames = Integer.getInteger("flux.fuzz.requests", 4000) / 2;
		for (int i = 0; i < frames; i++) {
			// every frame answered (or the socket closed) before the next, so a close
			// names
			// the frame that caused it
			settle(socket);
			if (socket.closeCode() != -1) {
				if (socket.closeCode() == 1011) {
					serverErrors.add(last);
				}
				socket = connected(member);
			}
			last = FRAMES.get(random.nextInt(FRAMES.size()));
			try {
				socket.sendRaw(last);
			}
			catch (RuntimeException ex) {
				// the server closed the socket (a frame too big, say): its close code is
				// checked next
			}
		}
		settle(socket);
		if (socket.closeCode() == 1011) {
			serverErrors.add(last);
		}
		socket.close();

		assertThat(serverErrors).as("frames after which the socket closed with 1011 (server error)").isEmpty();
	}

	private WsClient connected(User member) {
		WsClient socket = WsClient.connect(this.port, member.token());
		socket.await("snapshot");
		return socket;
	}

	/** Waits until the socket answered everything sent so far, or closed. */
	private static void settle(WsClient socket) {
		if (socket.closeCode() != -1) {
			return;
		}
		UUID heartbeat;
		try {
			heartbeat = socket.send("heartbeat", java.util.Map.of());
		}
		catch (RuntimeException ex) {
			return;
		}
		await().pollDelay(java.time.Duration.ZERO)
			.pollInterval(java.time.Duration.ofMillis(1))
			.until(() -> socket.closeCode() != -1 || socket.all("heartbeat_ack")
				.stream()
				.anyMatch((frame) -> heartbeat.toString().equals(frame.read("$.meta.correlationId"))));
	}

}
