package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.server.Departures;
import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;

/**
 * {@code user.deleted}: the user becomes a tombstone (their messages stay, shown as a
 * deleted user), their memberships end and the servers they owned change hands, all in
 * the handler's one transaction.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final UserProjection users;

	private final Departures departures;

	UserDeletedHandler(UserProjection users, Departures departures) {
		this.users = users;
		this.departures = departures;
	}

	@Override
	public void handle(UserDeleted payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.deleted(payload.userId(), envelope.aggregateVersion());
		this.departures.userDeleted(payload.userId());
	}

}
