package dev.flux.notification.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.chat.ChatDirectory.ServerView;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.readstate.ReadStates;
import dev.flux.notification.recipient.ProfileSummary;
import dev.flux.notification.recipient.Recipients;
import dev.flux.notification.social.DmChannel;
import dev.flux.notification.social.SocialDirectory;

/**
 * Reads a new session's snapshot from the inbox, the recipients, presence, the chat and
 * DM projections and the read states, never from another service.
 */
@Component
class SnapshotReader {

	private final Inbox inbox;

	private final Recipients recipients;

	private final Presence presence;

	private final GatewayProperties properties;

	private final ChatDirectory chat;

	private final SocialDirectory social;

	private final ReadStates readStates;

	SnapshotReader(Inbox inbox, Recipients recipients, Presence presence, GatewayProperties properties,
			ChatDirectory chat, SocialDirectory social, ReadStates readStates) {
		this.chat = chat;
		this.inbox = inbox;
		this.recipients = recipients;
		this.presence = presence;
		this.properties = properties;
		this.social = social;
		this.readStates = readStates;
	}

	Snapshot read(GatewaySession session) {
		UUID userId = session.userId();
		List<ServerView> servers = this.chat.serversOf(userId);
		List<DmChannel> directMessages = this.social.directMessagesOf(userId);
		List<Long> channels = new ArrayList<>();
		servers.forEach((server) -> server.channels()
			.stream()
			.filter((channel) -> channel.type().equals("text"))
			.forEach((channel) -> channels.add(Long.valueOf(channel.id()))));
		directMessages.forEach((channel) -> channels.add(channel.id()));
		return new Snapshot(session.id(), this.properties.heartbeatInterval().toMillis(),
				this.properties.resumeWindow().toMillis(), this.recipients.summary(userId),
				this.presence.statusOf(userId), this.inbox.unreadCount(userId), this.inbox.latest(userId), servers,
				views(userId, directMessages), this.readStates.of(userId, channels));
	}

	/** The DM channels with everyone else in them, their summaries read at once. */
	private List<DirectMessageView> views(UUID userId, List<DmChannel> channels) {
		Set<UUID> others = new LinkedHashSet<>();
		channels.forEach((channel) -> others.addAll(channel.memberIds()));
		others.remove(userId);
		Map<UUID, ProfileSummary> summaries = others.isEmpty() ? Map.of() : this.recipients.summaries(others);
		return channels.stream()
			.map((channel) -> new DirectMessageView(Long.toString(channel.id()), channel.kind(), channel.name(),
					channel.ownerId(),
					channel.memberIds()
						.stream()
						.filter((member) -> !member.equals(userId))
						.map(summaries::get)
						.toList()))
			.toList();
	}

}
