package dev.flux.user.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;
import dev.flux.user.profile.ProfileSync;

/** {@code user.deleted}: everything kept about the user removed. */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final ProfileSync sync;

	UserDeletedHandler(ProfileSync sync) {
		this.sync = sync;
	}

	@Override
	public void handle(UserDeleted payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.sync.deleted(payload.userId(), envelope.aggregateVersion());
	}

}
