package dev.flux.notification.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.flux.notification.gateway.AccessTokenCheck.Caller;

/**
 * The {@code /ws} endpoint. A socket says {@code hello}, is identified by the handshake's
 * token or its first {@code identify} (or {@code resume}s an earlier session), gets its
 * {@code snapshot}, and from then on receives events and sends actions. Every action is
 * answered with its correlationId: {@code ack}, {@code failed_validation} or
 * {@code failed_authentication}.
 */
final class GatewayHandler extends TextWebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(GatewayHandler.class);

	private static final String CONNECTION = GatewayHandler.class.getName() + ".connection";

	private final Sessions sessions;

	private final AccessTokenCheck tokens;

	private final ClientActions actions;

	private final SnapshotReader snapshots;

	private final GatewayProperties properties;

	GatewayHandler(Sessions sessions, AccessTokenCheck tokens, ClientActions actions, SnapshotReader snapshots,
			GatewayProperties properties) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.actions = actions;
		this.snapshots = snapshots;
		this.properties = properties;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		Connection connection = new Connection(socket, System.nanoTime());
		socket.getAttributes().put(CONNECTION, connection);
		this.sessions.opened(connection);
		connection
			.send(Frames.control("hello", Map.of("heartbeatInterval", this.properties.heartbeatInterval().toMillis(),
					"identifyTimeout", this.properties.identifyTimeout().toMillis()), null));
		if (socket.getAttributes().get(HandshakeAuthentication.CALLER) instanceof Caller caller) {
			identify(connection, caller, null);
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
		Connection connection = connection(socket);
		if (connection == null) {
			return;
		}
		connection.heard(System.nanoTime());
		JsonNode frame;
		try {
			frame = Frames.JSON.readTree(message.getPayload());
		}
		catch (JacksonException ex) {
			connection.send(ClientActions.failedValidation("", null, List.of(error("", "not a JSON object"))));
			return;
		}
		if (!frame.isObject() || !frame.path("type").isString()) {
			connection.send(ClientActions.failedValidation("", null, List.of(error("type", "is required"))));
			return;
		}
		String type = frame.get("type").asString();
		UUID correlationId;
		try {
			correlationId = correlationId(frame);
		}
		catch (IllegalArgumentException ex) {
			connection.send(
					ClientActions.failedValidation(type, null, List.of(error("meta.correlationId", "is not a UUID"))));
			return;
		}
		JsonNode payload = frame.path("payload");
		switch (type) {
			case "heartbeat" -> heartbeat(connection, correlationId);
			case "identify" -> identify(connection, payload, correlationId);
			case "resume" -> resume(connection, payload, correlationId);
			default -> this.actions.handle(connection, type, payload, correlationId);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
		Connection connection = connection(socket);
		if (connection != null) {
			boolean goodbye = status.getCode() == CloseStatus.NORMAL.getCode()
					|| status.getCode() == CloseStatus.GOING_AWAY.getCode();
			this.sessions.closed(connection, goodbye);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) {
		logger.debug("Transport error on {}: {}", socket.getId(), exception.toString());
	}

	private void heartbeat(Connection connection, @Nullable UUID correlationId) {
		GatewaySession session = connection.session();
		connection
			.send(Frames.control("heartbeat_ack", Map.of("seq", (session != null) ? session.seq() : 0), correlationId));
	}

	private void identify(Connection connection, JsonNode payload, @Nullable UUID correlationId) {
		String token = payload.path("token").asString("");
		if (token.isBlank()) {
			connection.send(ClientActions.failedValidation("identify", correlationId,
					List.of(error("payload.token", "is required"))));
			return;
		}
		Caller caller = this.tokens.check(token);
		if (caller == null) {
			refuse(connection, "identify", correlationId);
			return;
		}
		GatewaySession current = connection.session();
		if (current != null) {
			if (!current.userId().equals(caller.userId())) {
				connection.send(ClientActions.failedValidation("identify", correlationId,
						List.of(error("payload.token", "belongs to another user than this session"))));
				return;
			}
			current.reauthenticated(caller.expiresAt());
			connection.send(ClientActions.ack("identify", correlationId, Map.of("sessionId", current.id())));
			return;
		}
		identify(connection, caller, correlationId);
	}

	private void identify(Connection connection, Caller caller, @Nullable UUID correlationId) {
		GatewaySession session = this.sessions.open(caller.userId(), caller.expiresAt());
		Snapshot snapshot = this.snapshots.read(session);
		session.start(connection, Frames.control("snapshot", snapshot, correlationId));
	}

	private void resume(Connection connection, JsonNode payload, @Nullable UUID correlationId) {
		String token = payload.path("token").asString("");
		String sessionId = payload.path("sessionId").asString("");
		JsonNode seq = payload.path("seq");
		List<Map<String, String>> errors = new ArrayList<>();
		if (token.isBlank()) {
			errors.add(error("payload.token", "is required"));
		}
		if (sessionId.isBlank()) {
			errors.add(error("payload.sessionId", "is required"));
		}
		if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 0) {
			errors.add(error("payload.seq", "must be the last sequence number received, 0 or more"));
		}
		if (!errors.isEmpty()) {
			connection.send(ClientActions.failedValidation("resume", correlationId, errors));
			return;
		}
		Caller caller = this.tokens.check(token);
		if (caller == null) {
			refuse(connection, "resume", correlationId);
			return;
		}
		GatewaySession session = this.sessions.find(sessionId);
		if (session == null || !session.userId().equals(caller.userId())
				|| !session.resume(connection, seq.asLong(), correlationId)) {
			connection.send(Frames.control("invalid_session", Map.of("resumable", false), correlationId));
			return;
		}
		session.reauthenticated(caller.expiresAt());
	}

	private void refuse(Connection connection, String action, @Nullable UUID correlationId) {
		connection.send(ClientActions.failedAuthentication(action, correlationId, "the access token is not valid"));
		connection.close(GatewayCloseStatus.AUTHENTICATION_FAILED);
	}

	private static @Nullable UUID correlationId(JsonNode frame) {
		JsonNode value = frame.path("meta").path("correlationId");
		return value.isString() ? UUID.fromString(value.asString()) : null;
	}

	private static @Nullable Connection connection(WebSocketSession socket) {
		return (socket.getAttributes().get(CONNECTION) instanceof Connection connection) ? connection : null;
	}

	static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}
