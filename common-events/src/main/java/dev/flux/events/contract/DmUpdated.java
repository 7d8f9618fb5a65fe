package dev.flux.events.contract;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A group DM was renamed, or a member was added, removed or left; the full state after
 * the change.
 *
 * @param channelId the channel's id.
 * @param change what changed.
 * @param userId who made the change.
 * @param targetUserId the member added or removed (the one who left for member_left),
 * null for renamed.
 * @param name the name now, null when unnamed.
 * @param ownerId the owner now.
 * @param memberIds who is in it now.
 */
@EventType("dm.updated")
public record DmUpdated(String channelId, String change, UUID userId, @Nullable UUID targetUserId,
		@Nullable String name, UUID ownerId, List<UUID> memberIds) {

	static final Set<String> CHANGES = Set.of("renamed", "member_added", "member_removed", "member_left");

	public DmUpdated {
		Objects.requireNonNull(channelId, "channelId is required");
		if (!CHANGES.contains(change)) {
			throw new IllegalArgumentException("change must be one of " + CHANGES + ", not " + change);
		}
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(ownerId, "ownerId is required");
		memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds is required"));
	}

}
