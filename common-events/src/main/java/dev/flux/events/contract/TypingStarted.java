package dev.flux.events.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A user started typing in a channel. Ephemeral: a gateway instance publishes it straight
 * to the exchange (never through an outbox) for the other instances, and the broker drops
 * it once it expires.
 *
 * @param channelId the channel's id.
 * @param serverId the channel's server, null for a direct message channel.
 * @param userId who is typing.
 * @param expiresAt when clients stop showing it unless another one follows.
 */
@EventType("typing.started")
public record TypingStarted(String channelId, @Nullable String serverId, UUID userId, Instant expiresAt) {

	public TypingStarted {
		Objects.requireNonNull(channelId, "channelId is required");
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(expiresAt, "expiresAt is required");
	}

}
