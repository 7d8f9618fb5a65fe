package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.VerificationRequested;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/** {@code user.verification_requested}: the email with the verification link. */
@Component
class VerificationRequestedHandler extends AccountEventHandler<VerificationRequested> {

	private final Mail mail;

	private final EmailLinks links;

	VerificationRequestedHandler(Recipients recipients, Mail mail, EmailLinks links) {
		super(recipients);
		this.mail = mail;
		this.links = links;
	}

	@Override
	UUID account(VerificationRequested requested) {
		return requested.userId();
	}

	@Override
	void apply(VerificationRequested requested, EventEnvelope envelope) {
		this.mail.send(envelope, EmailKind.VERIFY_EMAIL, requested.userId(), requested.email(),
				Map.of("username", requested.username(), "email", requested.email(), "link",
						this.links.link("/verify-email", requested.token()), "expiresAt",
						this.links.expiry(requested.expiresAt())));
	}

}
