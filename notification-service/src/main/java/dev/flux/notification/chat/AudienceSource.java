package dev.flux.notification.chat;

import java.util.Optional;

/**
 * Answers who may view channels that belong to no server (direct messages, group DMs): a
 * bean of this type plugs them into {@link ChatDirectory}, which answers server channels
 * itself.
 */
public interface AudienceSource {

	/** The channel's audience, empty when this source does not know the channel. */
	Optional<Audience> audienceOf(long channelId);

}
