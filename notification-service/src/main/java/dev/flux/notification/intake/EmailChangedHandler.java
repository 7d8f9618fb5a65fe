package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailChanged;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/**
 * {@code user.email_changed}: a notice, then an email to the previous address with the
 * link that takes the account back.
 */
@Component
class EmailChangedHandler extends AccountEventHandler<EmailChanged> {

	private final InboxDelivery inbox;

	private final Mail mail;

	private final EmailLinks links;

	EmailChangedHandler(Recipients recipients, InboxDelivery inbox, Mail mail, EmailLinks links) {
		super(recipients);
		this.inbox = inbox;
		this.mail = mail;
		this.links = links;
	}

	@Override
	UUID account(EmailChanged changed) {
		return changed.userId();
	}

	@Override
	void apply(EmailChanged changed, EventEnvelope envelope) {
		this.inbox.deliver(changed, envelope);
		this.mail.send(envelope, EmailKind.EMAIL_CHANGED, changed.userId(), changed.previousEmail(), Map.of("username",
				changed.username(), "newEmail", changed.newEmail(), "takebackLink", takebackLink(changed),
				"takebackExpiresAt",
				(changed.takebackExpiresAt() != null) ? this.links.expiry(changed.takebackExpiresAt()) : "it is used"));
	}

	/** The takeback page, or forgot-password from a producer that offers no takeback. */
	private String takebackLink(EmailChanged changed) {
		return (changed.takebackToken() != null) ? this.links.link("/take-back", changed.takebackToken())
				: this.links.page("/forgot-password");
	}

}
