package dev.flux.events.contract;

import java.util.Objects;

import dev.flux.events.EventType;

/**
 * A role was deleted; members and overwrites lose it.
 *
 * @param roleId the role's id.
 * @param serverId the server's id (64-bit, as a string).
 */
@EventType("role.deleted")
public record RoleDeleted(String roleId, String serverId) {

	public RoleDeleted {
		Objects.requireNonNull(roleId, "roleId is required");
		Objects.requireNonNull(serverId, "serverId is required");
	}

}
