package dev.flux.notification.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.notification.inbox.Inbox;
import dev.flux.notification.inbox.Notices;

/** Puts the notices an event means for its users into their inboxes. */
@Component
class InboxDelivery {

	private final Notices notices;

	private final Inbox inbox;

	InboxDelivery(Notices notices, Inbox inbox) {
		this.notices = notices;
		this.inbox = inbox;
	}

	void deliver(Object payload, EventEnvelope envelope) {
		this.notices.of(payload, envelope).forEach(this.inbox::add);
	}

}
