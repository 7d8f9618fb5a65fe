package dev.flux.user.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserUpdated;
import dev.flux.user.profile.ProfileSync;

/**
 * {@code user.updated}: the cached username, whichever field changed (the event carries
 * the current one), unless a newer account version was applied already.
 */
@Component
class UserUpdatedHandler implements EventHandler<UserUpdated> {

	private final ProfileSync sync;

	UserUpdatedHandler(ProfileSync sync) {
		this.sync = sync;
	}

	@Override
	public void handle(UserUpdated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.sync.renamed(payload.userId(), payload.username(), envelope.aggregateVersion());
	}

}
