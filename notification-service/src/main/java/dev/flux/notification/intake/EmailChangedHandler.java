package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailChanged;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/** {@code user.email_changed}: a notice, then an email to the previous address. */
@Component
class EmailChangedHandler extends AccountEventHandler<EmailChanged> {

	private final InboxDelivery inbox;

	private final Mail mail;

	EmailChangedHandler(Recipients recipients, InboxDelivery inbox, Mail mail) {
		super(recipients);
		this.inbox = inbox;
		this.mail = mail;
	}

	@Override
	UUID account(EmailChanged changed) {
		return changed.userId();
	}

	@Override
	void apply(EmailChanged changed, EventEnvelope envelope) {
		this.inbox.deliver(changed, envelope);
		this.mail.send(envelope, EmailKind.EMAIL_CHANGED, changed.userId(), changed.previousEmail(),
				Map.of("username", changed.username(), "newEmail", changed.newEmail()));
	}

}
