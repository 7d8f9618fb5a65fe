package dev.flux.notification.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.chat.ChatDirectory.ServerView;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.readstate.ReadStates;
import dev.flux.notification.recipient.Recipients;
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
		List<ServerView> servers = this.chat.serversOf(session.userId());
		List<Long> channels = new ArrayList<>();
		servers.forEach((server) -> server.channels()
			.stream()
			.filter((channel) -> channel.type().equals("text"))
			.forEach((channel) -> channels.add(Long.valueOf(channel.id()))));
		channels.addAll(this.social.channelsOf(session.userId()));
		return new Snapshot(session.id(), this.properties.heartbeatInterval().toMillis(),
				this.properties.resumeWindow().toMillis(), this.recipients.summary(session.userId()),
				this.presence.statusOf(session.userId()), this.inbox.unreadCount(session.userId()),
				this.inbox.latest(session.userId()), servers, this.readStates.of(session.userId(), channels));
	}

}
