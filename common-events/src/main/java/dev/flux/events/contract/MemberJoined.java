package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user joined a server (through an invite, or by creating it).
 *
 * @param serverId the server's id (64-bit, as a string).
 * @param userId the member's user id.
 */
@EventType("server.member_joined")
public record MemberJoined(String serverId, UUID userId) {

	public MemberJoined {
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(userId, "userId is required");
	}

}
