package dev.flux.notification.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.flux.events.permission.Permission;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;

/**
 * What a client may ask over the socket once identified: {@code mark_read} (one
 * notification, or all), {@code set_presence} and {@code typing} (in a channel the user
 * may view and send to). Each is checked (the session's token must not have expired, the
 * payload must be valid) and answered with the action's correlationId, as seed 001's
 * command lifecycle has it: {@code ack}, {@code failed_validation} or
 * {@code failed_authentication}.
 */
@Component
class ClientActions {

	private static final Set<String> STATUSES = Set.of("online", "offline");

	private static final Pattern CHANNEL_ID = Pattern.compile("^[0-9]{1,18}$");

	private final Inbox inbox;

	private final Presence presence;

	private final ChatDirectory chat;

	private final TypingBroadcast typing;

	private final Clock clock;

	ClientActions(Inbox inbox, Presence presence, ChatDirectory chat, TypingBroadcast typing, Clock clock) {
		this.inbox = inbox;
		this.presence = presence;
		this.chat = chat;
		this.typing = typing;
		this.clock = clock;
	}

	void handle(Connection connection, String type, JsonNode payload, @Nullable UUID correlationId) {
		if (!type.equals(FrameTypes.MARK_READ) && !type.equals(FrameTypes.SET_PRESENCE)
				&& !type.equals(FrameTypes.TYPING)) {
			connection.send(failedValidation(type, correlationId, List
				.of(GatewayHandler.error("type", "unknown action; one of " + String.join(", ", FrameTypes.ACTIONS)))));
			return;
		}
		GatewaySession session = connection.session();
		if (session == null) {
			connection.send(failedAuthentication(type, correlationId, "identify first"));
			return;
		}
		if (!session.tokenExpiresAt().isAfter(this.clock.instant())) {
			connection.send(failedAuthentication(type, correlationId,
					"the access token has expired; send identify with a fresh one"));
			return;
		}
		connection.send(switch (type) {
			case FrameTypes.MARK_READ -> markRead(session.userId(), payload, correlationId);
			case FrameTypes.TYPING -> typing(session.userId(), payload, correlationId);
			default -> setPresence(session.userId(), payload, correlationId);
		});
	}

	private String markRead(UUID userId, JsonNode payload, @Nullable UUID correlationId) {
		if (payload.path("all").asBoolean(false)) {
			int marked = this.inbox.markAllRead(userId);
			return ack("mark_read", correlationId,
					Map.of("marked", marked, "unreadCount", this.inbox.unreadCount(userId)));
		}
		UUID id;
		try {
			id = UUID.fromString(payload.path("notificationId").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return failedValidation("mark_read", correlationId, List
				.of(GatewayHandler.error("payload.notificationId", "must be a notification id (or send all: true)")));
		}
		if (this.inbox.markRead(userId, id).isEmpty()) {
			return failedValidation("mark_read", correlationId,
					List.of(GatewayHandler.error("payload.notificationId", "no such notification")));
		}
		return ack("mark_read", correlationId, Map.of("unreadCount", this.inbox.unreadCount(userId)));
	}

	private String setPresence(UUID userId, JsonNode payload, @Nullable UUID correlationId) {
		JsonNode status = payload.path("status");
		if (!(status.isNull() || (status.isString() && STATUSES.contains(status.asString())))) {
			return failedValidation("set_presence", correlationId,
					List.of(GatewayHandler.error("payload.status", "must be online, offline or null (automatic)")));
		}
		this.presence.choose(userId, status.isNull() ? null : status.asString());
		return ack("set_presence", correlationId, Map.of("presence", this.presence.statusOf(userId)));
	}

	private String typing(UUID userId, JsonNode payload, @Nullable UUID correlationId) {
		JsonNode channel = payload.path("channelId");
		if (!channel.isString() || !CHANNEL_ID.matcher(channel.asString()).matches()) {
			return failedValidation(FrameTypes.TYPING, correlationId,
					List.of(GatewayHandler.error("payload.channelId", "must be a channel id")));
		}
		long channelId = Long.parseLong(channel.asString());
		Audience audience = this.chat.audience(channelId).orElse(null);
		if (audience == null || !audience.has(userId, Permission.SEND_MESSAGES)) {
			return failedValidation(FrameTypes.TYPING, correlationId, List
				.of(GatewayHandler.error("payload.channelId", "no such channel that you may send messages to")));
		}
		Instant expiresAt = this.typing.started(channelId, audience.serverId(), userId, correlationId);
		return ack(FrameTypes.TYPING, correlationId, Map.of("expiresAt", expiresAt.toString()));
	}

	static String ack(String action, @Nullable UUID correlationId, Map<String, Object> result) {
		return Frames.control("ack", Map.of("action", action, "result", result), correlationId);
	}

	static String failedValidation(String action, @Nullable UUID correlationId, List<Map<String, String>> errors) {
		return Frames.control("failed_validation", Map.of("action", action, "errors", errors), correlationId);
	}

	static String failedAuthentication(String action, @Nullable UUID correlationId, String reason) {
		return Frames.control("failed_authentication", Map.of("action", action, "reason", reason), correlationId);
	}

}
