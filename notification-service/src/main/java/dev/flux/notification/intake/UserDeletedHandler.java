package dev.flux.notification.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.recipient.Recipients;

/**
 * {@code user.deleted}: the recipient (leaving a tombstone that drops later events about
 * the account), the inbox and the presence forgotten.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final Recipients recipients;

	private final Inbox inbox;

	private final Presence presence;

	UserDeletedHandler(Recipients recipients, Inbox inbox, Presence presence) {
		this.recipients = recipients;
		this.inbox = inbox;
		this.presence = presence;
	}

	@Override
	public void handle(UserDeleted deleted, EventEnvelope envelope) {
		this.recipients.forget(deleted.userId());
		this.inbox.forget(deleted.userId());
		this.presence.forget(deleted.userId());
	}

}
