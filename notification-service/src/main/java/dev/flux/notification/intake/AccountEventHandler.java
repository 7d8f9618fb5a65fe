package dev.flux.notification.intake;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.notification.recipient.Recipients;

/**
 * A handler of an event about one account that drops the event once the account is
 * deleted, so nothing is stored for or sent to an erased user.
 *
 * @param <P> the payload record
 */
abstract class AccountEventHandler<P> implements EventHandler<P> {

	private static final Logger logger = LoggerFactory.getLogger(AccountEventHandler.class);

	private final Recipients recipients;

	AccountEventHandler(Recipients recipients) {
		this.recipients = recipients;
	}

	/** The account the event is about. */
	abstract UUID account(P payload);

	/** Applies an event about an account that is not deleted. */
	abstract void apply(P payload, EventEnvelope envelope);

	@Override
	public void handle(P payload, EventEnvelope envelope) {
		UUID userId = account(payload);
		if (this.recipients.deleted(userId)) {
			logger.info("Dropped {} {} about deleted account {}", envelope.type(), envelope.eventId(), userId);
			return;
		}
		apply(payload, envelope);
	}

}
