package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A member left a server: by leaving, kicked, banned, or because their account was
 * deleted.
 *
 * @param serverId the server's id (64-bit, as a string).
 * @param userId the member's user id.
 * @param reason left, kicked, banned or deleted.
 */
@EventType("server.member_left")
public record MemberLeft(String serverId, UUID userId, String reason) {

	public MemberLeft {
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(reason, "reason is required");
	}

}
