package dev.flux.notification.intake;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.UserUpdated;
import dev.flux.notification.recipient.Recipients;

/** {@code user.updated}: the recipient's new username or email, and a notice. */
@Component
class UserUpdatedHandler extends AccountEventHandler<UserUpdated> {

	private final Recipients recipients;

	private final InboxDelivery inbox;

	UserUpdatedHandler(Recipients recipients, InboxDelivery inbox) {
		super(recipients);
		this.recipients = recipients;
		this.inbox = inbox;
	}

	@Override
	UUID account(UserUpdated updated) {
		return updated.userId();
	}

	@Override
	void apply(UserUpdated updated, EventEnvelope envelope) {
		this.recipients.accountUpdated(updated, envelope.aggregateVersion());
		this.inbox.deliver(updated, envelope);
	}

}
