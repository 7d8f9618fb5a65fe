package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EmailConflict;
import dev.flux.notification.NotificationProperties;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/**
 * {@code user.email_conflict}: an email to the owner of an address someone tried to
 * register with, or to move another account to (auth-service's enumeration-safe mode).
 */
@Component
class EmailConflictHandler extends AccountEventHandler<EmailConflict> {

	private final Mail mail;

	private final NotificationProperties product;

	EmailConflictHandler(Recipients recipients, Mail mail, NotificationProperties product) {
		super(recipients);
		this.mail = mail;
		this.product = product;
	}

	@Override
	UUID account(EmailConflict conflict) {
		return conflict.userId();
	}

	@Override
	void apply(EmailConflict conflict, EventEnvelope envelope) {
		String what = "registration".equals(conflict.attempt())
				? "someone tried to create a new " + this.product.productName()
						+ " account with this address, which already has yours."
				: "someone tried to move another " + this.product.productName()
						+ " account to this address, which already has yours.";
		this.mail.send(envelope, EmailKind.EMAIL_CONFLICT, conflict.userId(), conflict.email(),
				Map.of("username", conflict.username(), "what", what));
	}

}
