package dev.flux.notification.gateway;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A client's session: outlives the socket that opened it for the resume window, numbers
 * every event it pushes, and keeps the last ones so a client that reconnects gets what it
 * missed. All changes happen under the session's lock, so numbering, buffering and
 * sending keep one order.
 */
final class GatewaySession {

	private final String id;

	private final UUID userId;

	private final int bufferSize;

	private final ArrayDeque<Pushed> buffer = new ArrayDeque<>(4);

	private long seq;

	private volatile Instant tokenExpiresAt;

	private @Nullable Connection connection;

	private long detachedAt;

	private boolean ended;

	GatewaySession(UUID userId, Instant tokenExpiresAt, int bufferSize) {
		this.id = UUID.randomUUID().toString();
		this.userId = userId;
		this.tokenExpiresAt = tokenExpiresAt;
		this.bufferSize = bufferSize;
		this.detachedAt = System.nanoTime();
	}

	String id() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

	Instant tokenExpiresAt() {
		return this.tokenExpiresAt;
	}

	void reauthenticated(Instant tokenExpiresAt) {
		this.tokenExpiresAt = tokenExpiresAt;
	}

	/**
	 * Numbers an event, keeps it for a resume, and sends it if a socket carries the
	 * session.
	 */
	synchronized void push(String type, Object payload, @Nullable UUID correlationId) {
		if (this.ended) {
			return;
		}
		this.seq++;
		String json = Frames.frame(type, payload, correlationId, this.seq);
		if (this.buffer.size() == this.bufferSize) {
			this.buffer.removeFirst();
		}
		this.buffer.addLast(new Pushed(this.seq, json));
		if (this.connection != null) {
			this.connection.send(json);
		}
	}

	/**
	 * Puts a new session on its socket: the snapshot first, then whatever was pushed
	 * while the snapshot was being read, so nothing falls between the two.
	 */
	synchronized void start(Connection connection, String snapshot) {
		this.connection = connection;
		connection.carry(this);
		connection.send(snapshot);
		for (Pushed pushed : this.buffer) {
			connection.send(pushed.json());
		}
	}

	synchronized long seq() {
		return this.seq;
	}

	/**
	 * Moves the session to a new socket and sends it every event after {@code lastSeq},
	 * then {@code resumed}; answers false (and changes nothing) when the session cannot
	 * give them all: it ended, or the events were already dropped from its buffer.
	 */
	synchronized boolean resume(Connection connection, long lastSeq, @Nullable UUID correlationId) {
		if (this.ended || lastSeq > this.seq || lastSeq < 0) {
			return false;
		}
		long oldest = this.buffer.isEmpty() ? this.seq + 1 : this.buffer.peekFirst().seq();
		if (lastSeq + 1 < oldest) {
			return false;
		}
		Connection previous = this.connection;
		if (previous != null && previous != connection) {
			previous.carry(null);
			previous.close(GatewayCloseStatus.RESUMED_ELSEWHERE);
		}
		this.connection = connection;
		connection.carry(this);
		int replayed = 0;
		for (Pushed pushed : this.buffer) {
			if (pushed.seq() > lastSeq) {
				connection.send(pushed.json());
				replayed++;
			}
		}
		connection.send(Frames.control("resumed", new Resumed(this.id, replayed, this.seq), correlationId));
		return true;
	}

	/** The socket went away; the session waits for a resume. */
	synchronized void detach(Connection connection, long now) {
		if (this.connection == connection) {
			this.connection = null;
			this.detachedAt = now;
		}
	}

	/** Whether the session has had no socket for longer than {@code window}. */
	synchronized boolean detachedLongerThan(long window, long now) {
		return !this.ended && this.connection == null && now - this.detachedAt > window;
	}

	/** Ends the session for good; answers false if it had ended already. */
	synchronized boolean end() {
		if (this.ended) {
			return false;
		}
		this.ended = true;
		this.buffer.clear();
		if (this.connection != null) {
			this.connection.carry(null);
		}
		return true;
	}

	synchronized @Nullable Connection connection() {
		return this.connection;
	}

	private record Pushed(long seq, String json) {
	}

	/**
	 * The answer to a successful resume.
	 *
	 * @param sessionId the resumed session
	 * @param replayed how many events were sent again
	 * @param seq the session's latest sequence number
	 */
	record Resumed(String sessionId, int replayed, long seq) {
	}

}
