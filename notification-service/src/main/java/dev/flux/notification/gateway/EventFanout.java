package dev.flux.notification.gateway;

import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.notification.inbox.Notice;
import dev.flux.notification.inbox.Notices;

/**
 * Reads this instance's queue and pushes each event to the sessions of the users it is
 * addressed to that are connected here; events for nobody here are dropped unread. The
 * notifications pushed are the ones the inbox stores for the same event, with the same
 * ids. A push is best effort: a client that misses one gets it on resume or in its next
 * snapshot. Chat events go through {@link ChatFanout}: they are addressed to channels and
 * servers, not to the user their aggregate id names.
 */
final class EventFanout implements MessageListener {

	private static final Logger logger = LoggerFactory.getLogger(EventFanout.class);

	private final EventCodec codec;

	private final Sessions sessions;

	private final Notices notices;

	private final ChatFanout chat;

	EventFanout(EventCodec codec, Sessions sessions, Notices notices, ChatFanout chat) {
		this.codec = codec;
		this.sessions = sessions;
		this.notices = notices;
		this.chat = chat;
	}

	@Override
	public void onMessage(Message message) {
		try {
			deliver(message.getBody());
		}
		catch (RuntimeException ex) {
			logger.debug("Not pushing event {}: {}", message.getMessageProperties().getMessageId(), ex.toString());
		}
	}

	void deliver(byte[] body) {
		EventEnvelope envelope = this.codec.fromJson(body);
		if (FrameTypes.CHAT_EVENTS.contains(envelope.type())) {
			if (this.chat.noViewerHere(envelope)) {
				return;
			}
			deliverChat(envelope);
			return;
		}
		if (!addressedHere(envelope)) {
			return;
		}
		Class<?> type = this.codec.catalog().payloadClass(envelope.type(), envelope.version());
		if (type.getAnnotation(EventType.class).sensitive()) {
			return;
		}
		Object payload = this.codec.payload(envelope, type);
		UUID correlationId = envelope.correlationId();
		switch (payload) {
			case ProfileUpdated profile -> push(profile.userId(), "profile.updated", profile, correlationId);
			case UserUpdated user -> push(user.userId(), "user.updated", user, correlationId);
			case UserDeleted deleted -> this.sessions.endAllOf(deleted.userId());
			default -> {
			}
		}
		for (Notice notice : this.notices.of(payload, envelope)) {
			push(notice.userId(), "notification.created", notice.view(), correlationId);
		}
	}

	/**
	 * A chat event: to those who may view its channel or are in its server, and the
	 * mentions it makes to the mentioned.
	 */
	private void deliverChat(EventEnvelope envelope) {
		Object payload = this.codec.payload(envelope,
				this.codec.catalog().payloadClass(envelope.type(), envelope.version()));
		this.chat.deliver(payload, envelope);
		for (Notice notice : this.notices.of(payload, envelope)) {
			push(notice.userId(), FrameTypes.NOTIFICATION_CREATED, notice.view(), envelope.correlationId());
		}
	}

	/**
	 * Whether the event's user has a session here; events of users and profiles are about
	 * the user their aggregate id names.
	 */
	private boolean addressedHere(EventEnvelope envelope) {
		try {
			return this.sessions.hasUser(UUID.fromString(envelope.aggregateId()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private void push(UUID userId, String type, Object payload, UUID correlationId) {
		Set<GatewaySession> targets = this.sessions.of(userId);
		for (GatewaySession session : targets) {
			session.push(type, payload, correlationId);
		}
	}

}
