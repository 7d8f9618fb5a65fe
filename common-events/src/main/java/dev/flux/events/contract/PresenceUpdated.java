package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user's first realtime connection opened ({@code online}) or their last one closed
 * ({@code offline}); published by the notification-service gateway. The envelope's
 * {@code aggregateVersion} (the user's presence sequence) orders them, so a late
 * {@code online} never overrides a newer {@code offline}. The user-service sets the
 * user's status from it unless the user chose one.
 *
 * @param userId the connected user's id
 * @param status {@code online} or {@code offline}
 */
@EventType("presence.updated")
public record PresenceUpdated(UUID userId, String status) {

	static final Set<String> STATUSES = Set.of("online", "offline");

	public PresenceUpdated {
		Objects.requireNonNull(userId, "userId is required");
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException("status must be one of " + STATUSES + ", not " + status);
		}
	}

}
