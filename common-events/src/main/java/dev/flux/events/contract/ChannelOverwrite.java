package dev.flux.events.contract;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Permissions a channel grants and takes away for one role or one member: part of
 * {@code channel.created} and {@code channel.updated}.
 *
 * @param roleId the role (the server's id for @everyone), null for a member
 * @param userId the member, null for a role
 * @param allow the permission bits granted
 * @param deny the permission bits taken away
 */
public record ChannelOverwrite(@Nullable String roleId, @Nullable UUID userId, long allow, long deny) {

	public ChannelOverwrite {
		if ((roleId == null) == (userId == null)) {
			throw new IllegalArgumentException("An overwrite is for a role or for a member");
		}
	}

}
