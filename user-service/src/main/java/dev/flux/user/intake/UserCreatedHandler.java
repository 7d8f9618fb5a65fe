package dev.flux.user.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserCreated;
import dev.flux.user.profile.ProfileSync;

/** {@code user.created}: the new user's profile and default settings. */
@Component
class UserCreatedHandler implements EventHandler<UserCreated> {

	private final ProfileSync sync;

	UserCreatedHandler(ProfileSync sync) {
		this.sync = sync;
	}

	@Override
	public void handle(UserCreated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.sync.created(payload.userId(), payload.username(), envelope.aggregateVersion());
	}

}
