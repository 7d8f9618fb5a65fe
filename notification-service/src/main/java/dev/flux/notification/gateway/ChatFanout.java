package dev.flux.notification.gateway;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelUpdated;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.DmDeleted;
import dev.flux.events.contract.DmUpdated;
import dev.flux.events.contract.MemberLeft;
import dev.flux.events.contract.MessageDeleted;
import dev.flux.events.contract.MessageEdited;
import dev.flux.events.contract.MessagePinned;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.contract.MessageUnpinned;
import dev.flux.events.contract.ReactionAdded;
import dev.flux.events.contract.ReactionRemoved;
import dev.flux.events.contract.ReadStateUpdated;
import dev.flux.events.contract.RelationshipAccepted;
import dev.flux.events.contract.RelationshipBlocked;
import dev.flux.events.contract.RelationshipRemoved;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.events.contract.RelationshipUnblocked;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.contract.TypingStarted;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.social.DmChannel;
import dev.flux.notification.social.SocialDirectory;

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

	/**
	 * The chat events {@link #deliver} pushes to a channel's viewers and to nobody else.
	 */
	private static final Set<String> TO_VIEWERS = Set.of("message.sent", "message.edited", "message.deleted",
			FrameTypes.TYPING_STARTED, "message.reaction_added", "message.reaction_removed", "message.pinned",
			"message.unpinned");

	private final ChatDirectory directory;

	private final Sessions sessions;

	private final SocialDirectory social;

	ChatFanout(ChatDirectory directory, Sessions sessions, SocialDirectory social) {
		this.directory = directory;
		this.sessions = sessions;
		this.social = social;
	}

	/**
	 * Whether the event goes to a channel's viewers alone (a message and what happens to
	 * it: mentions and DM notices too) and none of them has a session here: then nothing
	 * of it is pushed from this instance, and its payload need not be read. Every
	 * instance gets every chat event, and most are for channels nobody connected here may
	 * view.
	 */
	boolean noViewerHere(EventEnvelope envelope) {
		if (!TO_VIEWERS.contains(envelope.type())) {
			return false;
		}
		JsonNode channelId = envelope.payload().get("channelId");
		if (channelId == null || !channelId.isString()) {
			return false;
		}
		long channel;
		try {
			channel = Long.parseLong(channelId.asString());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		Audience audience = this.directory.audience(channel).orElse(null);
		return audience == null || !this.sessions.anyOf(audience.viewers());
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
			case ReactionAdded added -> toViewers(added.channelId(), envelope.type(), payload, correlationId, null);
			case ReactionRemoved removed ->
				toViewers(removed.channelId(), envelope.type(), payload, correlationId, null);
			case MessagePinned pinned -> toViewers(pinned.channelId(), envelope.type(), payload, correlationId, null);
			case MessageUnpinned unpinned ->
				toViewers(unpinned.channelId(), envelope.type(), payload, correlationId, null);
			// An ack on one device clears the badge on the user's others.
			case ReadStateUpdated read -> toUsers(Set.of(read.userId()), payload, envelope);
			case RelationshipRequested requested ->
				toUsers(Set.of(requested.fromUserId(), requested.toUserId()), payload, envelope);
			case RelationshipAccepted accepted ->
				toUsers(Set.of(accepted.userId(), accepted.friendId()), payload, envelope);
			case RelationshipRemoved removed ->
				toUsers(Set.of(removed.userId(), removed.otherUserId()), payload, envelope);
			// Only the blocker's own devices: the blocked user is never told.
			case RelationshipBlocked blocked -> toUsers(Set.of(blocked.userId()), payload, envelope);
			case RelationshipUnblocked unblocked -> toUsers(Set.of(unblocked.userId()), payload, envelope);
			case DmCreated created -> directMessages(DmChannel.of(created), null, payload, envelope);
			case DmUpdated updated -> directMessages(DmChannel.of(updated), updated.targetUserId(), payload, envelope);
			case DmDeleted deleted -> {
				Set<UUID> members = viewersOf(deleted.channelId());
				this.social.dmDeleted(Long.parseLong(deleted.channelId()), envelope.aggregateVersion());
				toUsers(members, payload, envelope);
			}
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
			// A deleted server has no members in memory: its last ones are told.
			case ServerDeleted deleted -> new HashSet<>(this.directory.lastMembersOf(serverId));
			default -> new HashSet<>(this.directory.membersOf(serverId));
		};
		if (payload instanceof MemberLeft left) {
			targets.add(left.userId());
		}
		push(targets, null, envelope.type(), payload, envelope.correlationId());
		return true;
	}

	/**
	 * A DM channel's change: applied here at once (idempotent with the durable consumer's
	 * copy), so the next message finds its audience, and pushed to its members and to the
	 * one who was removed or left.
	 */
	private void directMessages(DmChannel channel, @Nullable UUID target, Object payload, EventEnvelope envelope) {
		try {
			this.social.dmChanged(channel, envelope.aggregateVersion());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not apply {} {} to the DM projection: {}", envelope.type(), envelope.eventId(),
					ex.toString());
		}
		Set<UUID> targets = new HashSet<>(channel.memberIds());
		if (target != null) {
			targets.add(target);
		}
		toUsers(targets, payload, envelope);
	}

	private void toUsers(Set<UUID> users, Object payload, EventEnvelope envelope) {
		push(users, null, envelope.type(), payload, envelope.correlationId());
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
		push(audience.viewers(), except, type, payload, correlationId);
	}

	/**
	 * Every instance gets every chat event: the payload is rendered only when a session
	 * here is to receive it.
	 */
	private void push(Set<UUID> users, @Nullable UUID except, String type, Object payload, UUID correlationId) {
		List<GatewaySession> targets = this.sessions.of(users, except);
		if (targets.isEmpty()) {
			return;
		}
		Frames.Rendered rendered = Frames.render(payload);
		for (GatewaySession session : targets) {
			session.push(type, rendered, correlationId);
		}
	}

}
