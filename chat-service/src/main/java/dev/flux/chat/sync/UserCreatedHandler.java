package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserCreated;

/** {@code user.created}: the new user, as the chat shows them. */
@Component
class UserCreatedHandler implements EventHandler<UserCreated> {

	private final UserProjection users;

	UserCreatedHandler(UserProjection users) {
		this.users = users;
	}

	@Override
	public void handle(UserCreated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.created(payload.userId(), payload.username(), envelope.aggregateVersion());
	}

}
