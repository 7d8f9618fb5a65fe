package dev.flux.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client of the gateway (the JDK's), recording every frame it receives and
 * how the socket closed.
 */
final class WsClient implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<DocumentContext> received = new CopyOnWriteArrayList<>();

	private final WebSocket socket;

	private volatile int closeCode = -1;

	private WsClient(int port, Map<String, String> headers) {
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
		headers.forEach(builder::header);
		this.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Listener()).join();
	}

	/** Connects without a token: the client must identify. */
	static WsClient connect(int port) {
		return new WsClient(port, Map.of());
	}

	/** Connects with the token in the handshake's Authorization header. */
	static WsClient connect(int port, String token) {
		return new WsClient(port, Map.of("Authorization", "Bearer " + token));
	}

	/**
	 * Connects with any headers; throws a CompletionException when the handshake is
	 * refused.
	 */
	static WsClient connect(int port, Map<String, String> headers) {
		return new WsClient(port, headers);
	}

	/** Sends an action and answers its correlationId. */
	UUID send(String type, Map<String, ?> payload) {
		UUID correlationId = UUID.randomUUID();
		sendRaw(JSON.writeValueAsString(
				Map.of("type", type, "payload", payload, "meta", Map.of("correlationId", correlationId.toString()))));
		return correlationId;
	}

	void sendRaw(String text) {
		this.socket.sendText(text, true).join();
	}

	/** Waits for the first received frame of a type that matches. */
	DocumentContext await(String type, Predicate<DocumentContext> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> find(type, matching), (frame) -> frame != null);
	}

	DocumentContext await(String type) {
		return await(type, (frame) -> true);
	}

	/** The answer to an action: the first frame carrying its correlationId. */
	DocumentContext answer(UUID correlationId) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.received.stream()
				.filter((frame) -> correlationId.toString().equals(frame.read("$.meta.correlationId")))
				.findFirst()
				.orElse(null), (frame) -> frame != null);
	}

	/** Every frame received so far of the given type. */
	List<DocumentContext> all(String type) {
		return this.received.stream().filter((frame) -> type.equals(frame.read("$.type"))).toList();
	}

	/** Every numbered (pushed) frame received so far, in order. */
	List<DocumentContext> pushed() {
		return this.received.stream().filter(WsClient::hasSeq).toList();
	}

	int closeCode() {
		return this.closeCode;
	}

	/** Drops the connection without a closing handshake, as a lost network does. */
	void drop() {
		this.socket.abort();
	}

	/** Says goodbye: a normal close, which ends the session. */
	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally((ex) -> null).join();
		}
	}

	private @Nullable DocumentContext find(String type, Predicate<DocumentContext> matching) {
		return this.received.stream()
			.filter((frame) -> type.equals(frame.read("$.type")))
			.filter(matching)
			.findFirst()
			.orElse(null);
	}

	private static boolean hasSeq(DocumentContext frame) {
		Map<String, Object> root = frame.read("$");
		return root.containsKey("seq");
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				WsClient.this.received.add(JsonPath.parse(this.partial.toString()));
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			WsClient.this.closeCode = statusCode;
			return CompletableFuture.completedFuture(null);
		}

	}

}
