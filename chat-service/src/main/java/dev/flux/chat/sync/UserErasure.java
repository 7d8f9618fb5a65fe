package dev.flux.chat.sync;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.dm.DirectMessages;
import dev.flux.chat.reaction.Reactions;
import dev.flux.chat.readstate.ReadStates;
import dev.flux.chat.relationship.Relationships;
import dev.flux.chat.server.Departures;

/**
 * Ends what a deleted user still has here: memberships (servers and group DMs they owned
 * change hands), DMs, friendships, blocks, read states and reactions. Each step finds
 * only what is left, so running it again changes nothing or erases a late arrival.
 */
@Component
class UserErasure {

	private final Departures departures;

	private final DirectMessages directMessages;

	private final Relationships relationships;

	private final ReadStates readStates;

	private final Reactions reactions;

	UserErasure(Departures departures, DirectMessages directMessages, Relationships relationships,
			ReadStates readStates, Reactions reactions) {
		this.departures = departures;
		this.directMessages = directMessages;
		this.relationships = relationships;
		this.readStates = readStates;
		this.reactions = reactions;
	}

	@Transactional
	void erase(UUID userId) {
		this.departures.userDeleted(userId);
		this.directMessages.userDeleted(userId);
		this.relationships.userDeleted(userId);
		this.readStates.userDeleted(userId);
		this.reactions.userDeleted(userId);
	}

}
