package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.privacy.PrivacySettings;
import dev.flux.chat.privacy.PrivacySettings.Privacy;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.PrivacyUpdated;

/**
 * {@code profile.privacy_updated}: who may send the user friend requests and direct
 * messages, unless a newer settings version was applied already.
 */
@Component
class PrivacyUpdatedHandler implements EventHandler<PrivacyUpdated> {

	private final PrivacySettings privacy;

	PrivacyUpdatedHandler(PrivacySettings privacy) {
		this.privacy = privacy;
	}

	@Override
	public void handle(PrivacyUpdated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.privacy.changed(payload.userId(),
				new Privacy(payload.allowDirectMessages(), payload.allowFriendRequests()), envelope.aggregateVersion());
	}

}
