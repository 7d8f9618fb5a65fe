package dev.flux.events.contract;

import java.util.Objects;

import dev.flux.events.EventType;

/**
 * A role was created (a server's @everyone role has the server's id).
 *
 * @param roleId the role's id.
 * @param serverId the server's id (64-bit, as a string).
 * @param name the role's name (@everyone for the server's default role).
 * @param permissions the role's permission bits (Discord's positions).
 * @param position higher is more powerful; @everyone is 0.
 */
@EventType("role.created")
public record RoleCreated(String roleId, String serverId, String name, long permissions, int position) {

	public RoleCreated {
		Objects.requireNonNull(roleId, "roleId is required");
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(name, "name is required");
	}

}
