package dev.flux.notification.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.outbox.Outbox;
import dev.flux.notification.chat.ChatDirectory;
import dev.flux.notification.email.Mail;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.presence.Presence;
import dev.flux.notification.readstate.ReadStates;
import dev.flux.notification.recipient.Recipients;
import dev.flux.notification.social.SocialDirectory;

/**
 * {@code user.deleted}: the recipient (leaving a tombstone that drops later events about
 * the account and refuses its tokens), the inbox, the presence, the chat and DM
 * memberships, the read states and the sent-mail records forgotten, and the account's
 * events and dead letters erased from the messaging tables.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final Recipients recipients;

	private final Inbox inbox;

	private final Presence presence;

	private final Mail mail;

	private final Outbox outbox;

	private final DeadLetters deadLetters;

	private final SocialDirectory social;

	private final ChatDirectory chat;

	private final ReadStates readStates;

	UserDeletedHandler(Recipients recipients, Inbox inbox, Presence presence, Mail mail, Outbox outbox,
			DeadLetters deadLetters, SocialDirectory social, ChatDirectory chat, ReadStates readStates) {
		this.readStates = readStates;
		this.social = social;
		this.chat = chat;
		this.recipients = recipients;
		this.inbox = inbox;
		this.presence = presence;
		this.mail = mail;
		this.outbox = outbox;
		this.deadLetters = deadLetters;
	}

	@Override
	public void handle(UserDeleted deleted, EventEnvelope envelope) {
		this.recipients.forget(deleted.userId());
		this.inbox.forget(deleted.userId());
		this.presence.forget(deleted.userId());
		this.social.forget(deleted.userId());
		this.chat.forget(deleted.userId());
		this.readStates.forget(deleted.userId());
		this.mail.forget(deleted.userId());
		this.outbox.erase(deleted.userId().toString());
		this.deadLetters.erase(deleted.userId().toString());
	}

}
