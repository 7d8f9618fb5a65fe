package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A server was renamed or changed owner; changedFields says which, the others carry
 * current values.
 *
 * @param serverId the server's id (64-bit, as a string).
 * @param changedFields the names of the changed fields: name, ownerId.
 * @param name the current name.
 * @param ownerId the current owner.
 */
@EventType("server.updated")
public record ServerUpdated(String serverId, Set<String> changedFields, String name, UUID ownerId) {

	static final Set<String> FIELDS = Set.of("name", "ownerId");

	public ServerUpdated {
		Objects.requireNonNull(serverId, "serverId is required");
		changedFields = ChangedFields.of(changedFields, FIELDS);
		Objects.requireNonNull(name, "name is required");
		Objects.requireNonNull(ownerId, "ownerId is required");
	}

}
