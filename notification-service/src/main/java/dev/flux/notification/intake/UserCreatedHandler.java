package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.UserCreated;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/**
 * {@code user.created}: the recipient, a welcome notice, then the welcome email (last: a
 * failed send rolls the rest back and the event is tried again).
 */
@Component
class UserCreatedHandler extends AccountEventHandler<UserCreated> {

	private final Recipients recipients;

	private final InboxDelivery inbox;

	private final Mail mail;

	UserCreatedHandler(Recipients recipients, InboxDelivery inbox, Mail mail) {
		super(recipients);
		this.recipients = recipients;
		this.inbox = inbox;
		this.mail = mail;
	}

	@Override
	UUID account(UserCreated created) {
		return created.userId();
	}

	@Override
	void apply(UserCreated created, EventEnvelope envelope) {
		this.recipients.accountCreated(created, envelope.aggregateVersion());
		this.inbox.deliver(created, envelope);
		this.mail.send(envelope, EmailKind.WELCOME, created.userId(), created.email(),
				Map.of("username", created.username()));
	}

}
