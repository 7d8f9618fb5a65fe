package dev.flux.system.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/**
 * A client of the notification gateway ({@code /ws}): opens with the access token in the
 * handshake, keeps every frame it receives and the close code.
 */
public final class GatewaySocket implements AutoCloseable {

	private final List<String> frames = new CopyOnWriteArrayList<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private GatewaySocket(int port, String accessToken) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Authorization", "Bearer " + accessToken)
			.connectTimeout(Duration.ofSeconds(10))
			.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Listener())
			.orTimeout(20, TimeUnit.SECONDS)
			.join();
	}

	/** Opens a socket to one gateway instance. */
	public static GatewaySocket open(ServiceProcess gateway, String accessToken) {
		return new GatewaySocket(gateway.port(), accessToken);
	}

	/** Every frame received so far, as JSON text. */
	public List<String> frames() {
		return List.copyOf(this.frames);
	}

	/** The frames of one type ({@code snapshot}, {@code notification.created}...). */
	public List<String> frames(String type) {
		return this.frames.stream().filter((frame) -> type.equals(JsonPath.read(frame, "$.type"))).toList();
	}

	/** The close code, once the server closed the socket. */
	public CompletableFuture<Integer> closed() {
		return this.closed;
	}

	public void send(String json) {
		this.socket.sendText(json, true).join();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
				.orTimeout(5, TimeUnit.SECONDS)
				.exceptionally((ex) -> null)
				.join();
		}
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				GatewaySocket.this.frames.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			GatewaySocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			GatewaySocket.this.closed.completeExceptionally(error);
		}

	}

}
