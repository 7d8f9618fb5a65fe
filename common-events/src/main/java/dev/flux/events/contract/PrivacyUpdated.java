package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * A user changed who may reach them: the privacy settings other services enforce. Carries
 * the current values of all of them; the envelope's aggregateVersion is the settings'
 * version.
 *
 * @param userId the user's id.
 * @param allowDirectMessages whether users who are not friends may send direct messages
 * (friends always may).
 * @param allowFriendRequests whether other users may send friend requests.
 * @param notificationsEnabled whether the user wants notifications delivered.
 */
@EventType("profile.privacy_updated")
public record PrivacyUpdated(UUID userId, boolean allowDirectMessages, boolean allowFriendRequests,
		boolean notificationsEnabled) {

	public PrivacyUpdated {
		Objects.requireNonNull(userId, "userId is required");
	}

}
