package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.ProfileUpdated;

/**
 * {@code profile.updated}: display name and avatar (the event carries the current values
 * whichever field changed), unless a newer profile version was applied already.
 */
@Component
class ProfileUpdatedHandler implements EventHandler<ProfileUpdated> {

	private final UserProjection users;

	ProfileUpdatedHandler(UserProjection users) {
		this.users = users;
	}

	@Override
	public void handle(ProfileUpdated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.profileChanged(payload.userId(), payload.displayName(), payload.avatarUrl(),
				envelope.aggregateVersion());
	}

}
