package dev.flux.notification.gateway;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open socket: sends are serialised and buffered up to a limit (a client too slow to
 * read is disconnected rather than allowed to pile up memory), and it knows when it last
 * heard from its client and which gateway session it carries.
 */
final class Connection {

	private static final Logger logger = LoggerFactory.getLogger(Connection.class);

	private static final int SEND_TIME_LIMIT_MILLIS = 10_000;

	private static final int SEND_BUFFER_LIMIT = 256 * 1024;

	private final WebSocketSession socket;

	private final long openedAt;

	private volatile long lastHeard;

	private volatile @Nullable GatewaySession session;

	Connection(WebSocketSession socket, long now) {
		this.socket = new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MILLIS, SEND_BUFFER_LIMIT);
		this.openedAt = now;
		this.lastHeard = now;
	}

	String id() {
		return this.socket.getId();
	}

	void send(String json) {
		if (!this.socket.isOpen()) {
			return;
		}
		try {
			this.socket.sendMessage(new TextMessage(json));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Send to {} failed, closing it: {}", id(), ex.toString());
			close(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	void close(CloseStatus status) {
		try {
			this.socket.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing {} failed: {}", id(), ex.toString());
		}
	}

	void heard(long now) {
		this.lastHeard = now;
	}

	long lastHeard() {
		return this.lastHeard;
	}

	long openedAt() {
		return this.openedAt;
	}

	@Nullable GatewaySession session() {
		return this.session;
	}

	void carry(@Nullable GatewaySession session) {
		this.session = session;
	}

}
