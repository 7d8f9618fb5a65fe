package dev.flux.events.contract;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A direct message channel was opened: a 1:1 DM (kind dm) or a group DM (kind group_dm),
 * with everyone in it.
 *
 * @param channelId the channel's id.
 * @param kind dm (two users) or group_dm (up to 10).
 * @param name a group DM's name, null when unnamed (always null for a 1:1 DM).
 * @param ownerId a group DM's owner, null for a 1:1 DM.
 * @param memberIds who is in it.
 */
@EventType("dm.created")
public record DmCreated(String channelId, String kind, @Nullable String name, @Nullable UUID ownerId,
		List<UUID> memberIds) {

	static final Set<String> KINDS = Set.of("dm", "group_dm");

	public DmCreated {
		Objects.requireNonNull(channelId, "channelId is required");
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("kind must be one of " + KINDS + ", not " + kind);
		}
		memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds is required"));
	}

}
