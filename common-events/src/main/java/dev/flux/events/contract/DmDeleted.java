package dev.flux.events.contract;

import java.util.Objects;

import dev.flux.events.EventType;

/**
 * The last member left a group DM: the channel and its messages are gone.
 *
 * @param channelId the channel's id.
 */
@EventType("dm.deleted")
public record DmDeleted(String channelId) {

	public DmDeleted {
		Objects.requireNonNull(channelId, "channelId is required");
	}

}
