package dev.flux.events.contract;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A member's nickname or roles changed; the fields carry the current values.
 *
 * @param serverId the server's id (64-bit, as a string).
 * @param userId the member's user id.
 * @param nickname the nickname, null when none.
 * @param roleIds the member's roles, @everyone left out.
 */
@EventType("server.member_updated")
public record MemberUpdated(String serverId, UUID userId, @Nullable String nickname, List<String> roleIds) {

	public MemberUpdated {
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(roleIds, "roleIds is required");
		roleIds = List.copyOf(roleIds);
	}

}
