package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.PasswordResetRequested;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/** {@code user.password_reset_requested}: the email with the reset link. */
@Component
class PasswordResetRequestedHandler extends AccountEventHandler<PasswordResetRequested> {

	private final Mail mail;

	private final EmailLinks links;

	PasswordResetRequestedHandler(Recipients recipients, Mail mail, EmailLinks links) {
		super(recipients);
		this.mail = mail;
		this.links = links;
	}

	@Override
	UUID account(PasswordResetRequested requested) {
		return requested.userId();
	}

	@Override
	void apply(PasswordResetRequested requested, EventEnvelope envelope) {
		this.mail.send(envelope, EmailKind.RESET_PASSWORD, requested.userId(), requested.email(),
				Map.of("username", requested.username(), "link", this.links.link("/reset-password", requested.token()),
						"expiresAt", this.links.expiry(requested.expiresAt())));
	}

}
