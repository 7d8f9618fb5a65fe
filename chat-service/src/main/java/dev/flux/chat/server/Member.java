package dev.flux.chat.server;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.permission.EffectivePermissions;
import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;

/**
 * A member of a server as permission checks see them: the server's owner, the member's
 * roles, and every role's permissions and position.
 *
 * @param serverId the server (also its @everyone role's id)
 * @param ownerId the server's owner
 * @param userId the member
 * @param roleIds the member's roles, @everyone left out
 * @param rolePermissions the permission bits of every role of the server, by id
 * @param rolePositions the position of every role of the server, by id
 */
public record Member(long serverId, UUID ownerId, UUID userId, Set<Long> roleIds, Map<Long, Long> rolePermissions,
		Map<Long, Integer> rolePositions) {

	public Member {
		roleIds = Set.copyOf(roleIds);
		rolePermissions = Map.copyOf(rolePermissions);
		rolePositions = Map.copyOf(rolePositions);
	}

	public boolean isOwner() {
		return this.ownerId.equals(this.userId);
	}

	/** The member's server-wide permission bits. */
	public long base() {
		return EffectivePermissions.base(isOwner(), this.rolePermissions.getOrDefault(this.serverId, 0L),
				this.roleIds.stream().map((id) -> this.rolePermissions.getOrDefault(id, 0L)).toList());
	}

	public boolean has(Permission permission) {
		return permission.in(base());
	}

	/**
	 * @throws Refusal 403 unless the member has {@code permission} server-wide
	 */
	public void require(Permission permission) {
		if (!has(permission)) {
			throw Refusal.missingPermission(permission.name());
		}
	}

	/** The position of the member's highest role (0: @everyone only). */
	public int highestPosition() {
		return this.roleIds.stream().mapToInt((id) -> this.rolePositions.getOrDefault(id, 0)).max().orElse(0);
	}

	/**
	 * Refuses acting on a role at {@code position} or above the member's highest role
	 * (Discord's role hierarchy); the owner may act on any.
	 */
	void requireAbove(int position, String what) {
		if (!isOwner() && position >= highestPosition()) {
			throw Refusal.forbidden("role-hierarchy", "You can only act on " + what + " below your highest role.");
		}
	}

	/**
	 * Refuses permission bits the member does not hold themselves (owner and admins hold
	 * all).
	 */
	void requireHolds(long bits) {
		long missing = bits & ~base();
		if (missing != 0) {
			throw Refusal.forbidden("missing-permission",
					"You cannot grant or deny permissions you lack: " + Permission.namesOf(missing) + ".");
		}
	}

}
