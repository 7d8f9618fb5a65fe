package dev.flux.notification.intake;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.notification.email.EmailKind;
import dev.flux.notification.email.Mail;
import dev.flux.notification.recipient.Recipients;

/** {@code user.password_changed}: a notice, then the email saying how it changed. */
@Component
class PasswordChangedHandler extends AccountEventHandler<PasswordChanged> {

	private final InboxDelivery inbox;

	private final Mail mail;

	PasswordChangedHandler(Recipients recipients, InboxDelivery inbox, Mail mail) {
		super(recipients);
		this.inbox = inbox;
		this.mail = mail;
	}

	@Override
	UUID account(PasswordChanged changed) {
		return changed.userId();
	}

	@Override
	void apply(PasswordChanged changed, EventEnvelope envelope) {
		this.inbox.deliver(changed, envelope);
		this.mail.send(envelope, EmailKind.PASSWORD_CHANGED, changed.userId(), changed.email(),
				Map.of("username", changed.username(), "what",
						"reset".equals(changed.reason())
								? "Your password was reset with a link we sent to this address."
								: "Your password was changed."));
	}

}
