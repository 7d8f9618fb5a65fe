package dev.flux.notification.social;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.DmUpdated;

/**
 * A DM channel as {@code dm.created} and {@code dm.updated} state it.
 *
 * @param id the channel's id
 * @param kind dm or group_dm; null for a channel projected before kinds were kept (V110),
 * until a group DM's next change
 * @param name a group DM's name, null when unnamed
 * @param ownerId a group DM's owner, null for a 1:1 DM
 * @param memberIds who is in it
 */
public record DmChannel(long id, @Nullable String kind, @Nullable String name, @Nullable UUID ownerId,
		List<UUID> memberIds) {

	public DmChannel {
		memberIds = List.copyOf(Objects.requireNonNull(memberIds, "memberIds"));
	}

	public static DmChannel of(DmCreated created) {
		return new DmChannel(Long.parseLong(created.channelId()), created.kind(), created.name(), created.ownerId(),
				created.memberIds());
	}

	/** Only a group DM is ever updated. */
	public static DmChannel of(DmUpdated updated) {
		return new DmChannel(Long.parseLong(updated.channelId()), "group_dm", updated.name(), updated.ownerId(),
				updated.memberIds());
	}

}
