package dev.flux.notification.gateway;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelUpdated;
import dev.flux.events.contract.MemberLeft;
import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageEdited;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.TypingStarted;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.ChatDirectory;

/**
 * Pushes chat events to the sessions here that may see them: messages and typing to those
 * who may view the channel (the typist left out), and changes of a server's structure,
 * once applied to the chat projection, to its members (a channel's to those who may view
 * it; a departing member hears of their own departure, and nothing of the server after
 * it). Runs on the instance's one consumer thread, so a channel's events reach every
 * session in the order they were published.
 */
final class ChatFanout {

	private static final Logger logger = LoggerFactory.getLogger(ChatFanout.class);

	private final ChatDirectory directory;

	private final Sessions sessions;

	ChatFanout(ChatDirectory directory, Sessions sessions) {
		this.directory = directory;
		this.sessions = sessions;
	}

	/** Pushes the event when it is a chat event; answers whether it was one. */
	boolean deliver(Object payload, EventEnvelope envelope) {
		UUID correlationId = envelope.correlationId();
		switch (payload) {
			case MessageSent sent -> toViewers(sent.channelId(), envelope.type(), payload, correlationId, null);
			case MessageEdited edited -> toViewers(edited.channelId(), envelope.type(), payload, correlationId, null);
			case MessageDeleted deleted ->
				toViewers(deleted.channelId(), envelope.type(), payload, correlationId, null);
			case TypingStarted typing ->
				toViewers(typing.channelId(), envelope.type(), payload, correlationId, typing.userId());
			default -> {
				return structure(payload, envelope);
			}
		}
		return true;
	}

	private boolean structure(Object payload, EventEnvelope envelope) {
		Long serverId;
		try {
			serverId = this.directory.apply(payload, envelope);
		}
		catch (RuntimeException ex) {
			// The durable consumer applies it too; this instance only misses the push.
			logger.warn("Could not apply {} {} to the chat projection: {}", envelope.type(), envelope.eventId(),
					ex.toString());
			return true;
		}
		if (serverId == null) {
			return false;
		}
		Set<UUID> targets = switch (payload) {
			case ChannelCreated created -> viewersOf(created.channelId());
			case ChannelUpdated updated -> viewersOf(updated.channelId());
			default -> new HashSet<>(this.directory.membersOf(serverId));
		};
		if (payload instanceof MemberLeft left) {
			targets.add(left.userId());
		}
		push(targets, null, envelope.type(), Frames.render(payload), envelope.correlationId());
		return true;
	}

	private Set<UUID> viewersOf(String channelId) {
		return this.directory.audience(Long.parseLong(channelId))
			.map((audience) -> (Set<UUID>) new HashSet<>(audience.viewers()))
			.orElseGet(HashSet::new);
	}

	private void toViewers(String channelId, String type, Object payload, UUID correlationId, @Nullable UUID except) {
		Audience audience = this.directory.audience(Long.parseLong(channelId)).orElse(null);
		if (audience == null) {
			return;
		}
		push(audience.viewers(), except, type, Frames.render(payload), correlationId);
	}

	private void push(Set<UUID> users, @Nullable UUID except, String type, Frames.Rendered payload,
			UUID correlationId) {
		for (GatewaySession session : this.sessions.of(users, except)) {
			session.push(type, payload, correlationId);
		}
	}

}
