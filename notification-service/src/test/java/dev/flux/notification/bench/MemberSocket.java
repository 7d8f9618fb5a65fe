package dev.flux.notification.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

/**
 * One member's gateway socket in the chat benchmark: counts down when its snapshot
 * arrives, then hands the nonce of every {@code message.sent} it receives to the
 * benchmark with the time it arrived.
 */
final class MemberSocket implements WebSocket.Listener {

	private static final String SENT = "{\"type\":\"message.sent\"";

	private static final String NONCE = "\"nonce\":\"";

	/** Where deliveries go: the member's index, the message's nonce, when it arrived. */
	interface Deliveries {

		void delivered(int member, String nonce, long nanos);

	}

	private final int member;

	private final Deliveries deliveries;

	private final CountDownLatch snapshots;

	private final Semaphore handshakes;

	private final StringBuilder partial = new StringBuilder();

	private volatile @Nullable WebSocket socket;

	private volatile boolean snapshot;

	/**
	 * {@code handshakes}: a permit this socket holds until its snapshot or its failure.
	 */
	MemberSocket(int member, Deliveries deliveries, CountDownLatch snapshots, Semaphore handshakes) {
		this.member = member;
		this.deliveries = deliveries;
		this.snapshots = snapshots;
		this.handshakes = handshakes;
	}

	boolean open() {
		WebSocket socket = this.socket;
		return this.snapshot && socket != null && !socket.isInputClosed();
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		webSocket.request(1);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		long now = System.nanoTime();
		this.partial.append(data);
		if (last) {
			String text = this.partial.toString();
			this.partial.setLength(0);
			if (!this.snapshot && text.startsWith("{\"type\":\"snapshot\"")) {
				settle();
			}
			else if (text.startsWith(SENT)) {
				int at = text.indexOf(NONCE);
				if (at > 0) {
					int from = at + NONCE.length();
					this.deliveries.delivered(this.member, text.substring(from, text.indexOf('"', from)), now);
				}
			}
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		failed();
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		failed();
	}

	/**
	 * A socket that closes before its snapshot still counts down, so nobody waits for it.
	 */
	void failed() {
		settle();
	}

	/**
	 * Counts the socket's snapshot (or its failure) once, and gives back its handshake
	 * permit.
	 */
	private synchronized void settle() {
		if (!this.snapshot) {
			this.snapshot = true;
			this.snapshots.countDown();
			this.handshakes.release();
		}
	}

	void abort() {
		WebSocket socket = this.socket;
		if (socket != null) {
			socket.abort();
		}
	}

}
