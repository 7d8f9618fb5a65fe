package dev.flux.events.contract;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A channel's name, topic, position, category or overwrites changed; the fields carry the
 * current values.
 *
 * @param channelId the channel's id.
 * @param serverId the server's id (64-bit, as a string).
 * @param type text or category.
 * @param name the channel's name.
 * @param topic the topic, null when none.
 * @param position where it sorts among the server's channels, lowest first.
 * @param parentId the category it sits in, null when none.
 * @param overwrites the channel's permission overwrites, each for a role or a member.
 */
@EventType("channel.updated")
public record ChannelUpdated(String channelId, String serverId, String type, String name, @Nullable String topic,
		int position, @Nullable String parentId, List<ChannelOverwrite> overwrites) {

	public ChannelUpdated {
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(serverId, "serverId is required");
		Objects.requireNonNull(type, "type is required");
		Objects.requireNonNull(name, "name is required");
		Objects.requireNonNull(overwrites, "overwrites is required");
		overwrites = List.copyOf(overwrites);
	}

}
