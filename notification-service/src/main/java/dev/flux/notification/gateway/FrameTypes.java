package dev.flux.notification.gateway;

import java.util.List;

/**
 * Every frame type of the gateway protocol, in one place: what a client sends, what the
 * gateway answers, and the events it pushes. docs/api.md describes each.
 */
final class FrameTypes {

	/** Client actions answered with {@code ack} or a failure. */
	static final String IDENTIFY = "identify";

	static final String RESUME = "resume";

	static final String HEARTBEAT = "heartbeat";

	static final String MARK_READ = "mark_read";

	static final String SET_PRESENCE = "set_presence";

	/** {@code typing {channelId}}: the channel's other viewers see it for 8 s. */
	static final String TYPING = "typing";

	static final List<String> ACTIONS = List.of(IDENTIFY, RESUME, HEARTBEAT, MARK_READ, SET_PRESENCE, TYPING);

	/** Control frames: no sequence number, not replayed on resume. */
	static final String HELLO = "hello";

	static final String SNAPSHOT = "snapshot";

	static final String ACK = "ack";

	static final String FAILED_VALIDATION = "failed_validation";

	static final String FAILED_AUTHENTICATION = "failed_authentication";

	static final String HEARTBEAT_ACK = "heartbeat_ack";

	static final String RESUMED = "resumed";

	static final String INVALID_SESSION = "invalid_session";

	/** Pushed events (numbered, replayed on resume): named as the events they carry. */
	static final String NOTIFICATION_CREATED = "notification.created";

	static final String TYPING_STARTED = "typing.started";

	/** Chat events pushed to those who may view the channel or are in the server. */
	static final List<String> CHAT_EVENTS = List.of("message.sent", "message.edited", "message.deleted",
			"server.created", "server.updated", "server.deleted", "server.member_joined", "server.member_left",
			"server.member_updated", "channel.created", "channel.updated", "channel.deleted", "role.created",
			"role.updated", "role.deleted", TYPING_STARTED, "message.reaction_added", "message.reaction_removed",
			"message.pinned", "message.unpinned", "read_state.updated", "dm.created", "dm.updated", "dm.deleted",
			"relationship.requested", "relationship.accepted", "relationship.removed", "relationship.blocked",
			"relationship.unblocked");

	private FrameTypes() {
	}

}
