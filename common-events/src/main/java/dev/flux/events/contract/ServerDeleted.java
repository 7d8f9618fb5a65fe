package dev.flux.events.contract;

import java.util.Objects;

import dev.flux.events.EventType;

/**
 * A server was deleted with its channels, roles, members and messages.
 *
 * @param serverId the server's id (64-bit, as a string).
 */
@EventType("server.deleted")
public record ServerDeleted(String serverId) {

	public ServerDeleted {
		Objects.requireNonNull(serverId, "serverId is required");
	}

}
