package dev.flux.notification.gateway;

import org.springframework.stereotype.Component;

import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.recipient.Recipients;

/**
 * Reads a new session's snapshot from the inbox, the recipients, presence and the chat
 * projection.
 */
@Component
class SnapshotReader {

	private final Inbox inbox;

	private final Recipients recipients;

	private final Presence presence;

	private final GatewayProperties properties;

	private final ChatDirectory chat;

	SnapshotReader(Inbox inbox, Recipients recipients, Presence presence, GatewayProperties properties,
			ChatDirectory chat) {
		this.chat = chat;
		this.inbox = inbox;
		this.recipients = recipients;
		this.presence = presence;
		this.properties = properties;
	}

	Snapshot read(GatewaySession session) {
		return new Snapshot(session.id(), this.properties.heartbeatInterval().toMillis(),
				this.properties.resumeWindow().toMillis(), this.recipients.summary(session.userId()),
				this.presence.statusOf(session.userId()), this.inbox.unreadCount(session.userId()),
				this.inbox.latest(session.userId()), this.chat.serversOf(session.userId()));
	}

}
