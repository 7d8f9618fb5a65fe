package dev.flux.events.contract;

import java.util.Objects;

import dev.flux.events.EventType;

/**
 * A channel was deleted with its messages.
 *
 * @param channelId the channel's id.
 * @param serverId the server's id (64-bit, as a string).
 */
@EventType("channel.deleted")
public record ChannelDeleted(String channelId, String serverId) {

	public ChannelDeleted {
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(serverId, "serverId is required");
	}

}
