package dev.flux.chat.sync;

import org.springframework.stereotype.Component;

import dev.flux.chat.dm.DirectMessages;
import dev.flux.chat.reaction.Reactions;
import dev.flux.chat.readstate.ReadStates;
import dev.flux.chat.relationship.Relationships;
import dev.flux.chat.server.Departures;
import dev.flux.chat.user.UserProjection;
import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.UserDeleted;

/**
 * {@code user.deleted}: the user becomes a tombstone (their messages stay, shown as a
 * deleted user), their memberships end, the servers and group DMs they owned change
 * hands, and their friendships, blocks, read states and reactions are forgotten, all in
 * the handler's one transaction.
 */
@Component
class UserDeletedHandler implements EventHandler<UserDeleted> {

	private final UserProjection users;

	private final Departures departures;

	private final DirectMessages directMessages;

	private final Relationships relationships;

	private final ReadStates readStates;

	private final Reactions reactions;

	UserDeletedHandler(UserProjection users, Departures departures, DirectMessages directMessages,
			Relationships relationships, ReadStates readStates, Reactions reactions) {
		this.users = users;
		this.departures = departures;
		this.directMessages = directMessages;
		this.relationships = relationships;
		this.readStates = readStates;
		this.reactions = reactions;
	}

	@Override
	public void handle(UserDeleted payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.users.deleted(payload.userId(), envelope.aggregateVersion());
		this.departures.userDeleted(payload.userId());
		this.directMessages.userDeleted(payload.userId());
		this.relationships.userDeleted(payload.userId());
		this.readStates.userDeleted(payload.userId());
		this.reactions.userDeleted(payload.userId());
	}

}
