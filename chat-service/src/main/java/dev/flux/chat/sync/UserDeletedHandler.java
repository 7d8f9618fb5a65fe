package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;

/**
 * {@code user.deleted}: the user becomes a tombstone (their messages stay, shown as a
 * deleted user), their memberships end, the servers and group DMs they owned change
 * hands, and their friendships, blocks, read states and reactions are forgotten, all in
 * the handler's one transaction ({@link UserErasure}, which {@link ErasureRecheck} runs
 * again for a while).
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final UserProjection users;

	private final UserErasure erasure;

	UserDeletedHandler(UserProjection users, UserErasure erasure) {
		this.users = users;
		this.erasure = erasure;
	}

	@Override
	public void handle(UserDeleted payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.deleted(payload.userId(), envelope.aggregateVersion());
		this.erasure.erase(payload.userId());
	}

}
