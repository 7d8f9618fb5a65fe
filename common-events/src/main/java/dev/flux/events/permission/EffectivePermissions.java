package dev.flux.events.permission;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member's effective permission, computed as Discord documents it ("Permission
 * Hierarchy"): the base from @everyone and the member's roles, everything for the owner
 * and for ADMINISTRATOR, then in a channel the overwrites applied in order: @everyone's,
 * the member's roles' together (denies, then allows), the member's own. Without
 * VIEW_CHANNEL in a channel a member has no permission there at all.
 */
public final class EffectivePermissions {

	private EffectivePermissions() {
	}

	/**
	 * The server-wide permission of a member.
	 * @param owner whether the member owns the server
	 * @param everyone the @everyone role's permissions
	 * @param roles the permissions of the member's other roles
	 */
	public static long base(boolean owner, long everyone, Collection<Long> roles) {
		if (owner) {
			return Permission.ALL;
		}
		long permissions = everyone;
		for (long role : roles) {
			permissions |= role;
		}
		return Permission.ADMINISTRATOR.in(permissions) ? Permission.ALL : permissions;
	}

	/**
	 * The permission of a member in a channel.
	 * @param base the member's {@link #base} permission
	 * @param everyoneOverwrite the channel's overwrite of @everyone, if any
	 * @param roleOverwrites the channel's overwrites of the member's roles
	 * @param memberOverwrite the channel's overwrite of the member, if any
	 */
	public static long inChannel(long base, @Nullable Overwrite everyoneOverwrite, Collection<Overwrite> roleOverwrites,
			@Nullable Overwrite memberOverwrite) {
		if (Permission.ADMINISTRATOR.in(base)) {
			return Permission.ALL;
		}
		long permissions = base;
		if (everyoneOverwrite != null) {
			permissions = everyoneOverwrite.applyTo(permissions);
		}
		long allow = 0;
		long deny = 0;
		for (Overwrite overwrite : roleOverwrites) {
			allow |= overwrite.allow();
			deny |= overwrite.deny();
		}
		permissions = new Overwrite(allow, deny).applyTo(permissions);
		if (memberOverwrite != null) {
			permissions = memberOverwrite.applyTo(permissions);
		}
		return Permission.VIEW_CHANNEL.in(permissions) ? permissions : 0;
	}

	/**
	 * The permission of a member in a channel from a server's roles and a channel's
	 * overwrites as stored.
	 * @param serverId the server's id, also its @everyone role's id
	 * @param ownerId the server's owner
	 * @param userId the member
	 * @param rolePermissions the permissions of every role of the server, by role id
	 * @param memberRoles the member's roles (without @everyone)
	 * @param roleOverwrites the channel's role overwrites, by role id (@everyone's under
	 * the server id)
	 * @param memberOverwrites the channel's member overwrites, by user id
	 */
	public static long of(long serverId, UUID ownerId, UUID userId, Map<Long, Long> rolePermissions,
			Set<Long> memberRoles, Map<Long, Overwrite> roleOverwrites, Map<UUID, Overwrite> memberOverwrites) {
		long base = base(ownerId.equals(userId), rolePermissions.getOrDefault(serverId, 0L),
				memberRoles.stream().filter(rolePermissions::containsKey).map(rolePermissions::get).toList());
		if (ownerId.equals(userId)) {
			return Permission.ALL;
		}
		return inChannel(base, roleOverwrites.get(serverId),
				memberRoles.stream().filter(roleOverwrites::containsKey).map(roleOverwrites::get).toList(),
				memberOverwrites.get(userId));
	}

	/**
	 * Permissions a channel grants and takes away for a role or a member.
	 *
	 * @param allow the bits granted
	 * @param deny the bits taken away
	 */
	public record Overwrite(long allow, long deny) {

		long applyTo(long permissions) {
			return (permissions & ~this.deny) | this.allow;
		}

	}

}
