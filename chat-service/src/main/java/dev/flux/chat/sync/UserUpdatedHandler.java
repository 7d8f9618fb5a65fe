package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserUpdated;

/**
 * {@code user.updated}: the username, unless a newer account version was applied already.
 */
@Component
class UserUpdatedHandler implements EventHandler<UserUpdated> {

	private final UserProjection users;

	UserUpdatedHandler(UserProjection users) {
		this.users = users;
	}

	@Override
	public void handle(UserUpdated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.renamed(payload.userId(), payload.username(), envelope.aggregateVersion());
	}

}
