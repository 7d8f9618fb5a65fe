package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A server was created; its @everyone role and first channel follow as role.created and
 * channel.created.
 *
 * @param serverId the server's id (64-bit, as a string).
 * @param name the server's name.
 * @param ownerId the owner (the creator).
 */
@EventType("server.created")
public record ServerCreated(String serverId, String name, UUID ownerId) {

	public ServerCreated {
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(name, "name is required");
		Objects.requireNonNull(ownerId, "ownerId is required");
	}

}
