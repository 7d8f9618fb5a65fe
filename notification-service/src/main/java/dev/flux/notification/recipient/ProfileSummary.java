package dev.flux.notification.recipient;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user as the gateway's snapshot shows them to themselves.
 *
 * @param id the user's id
 * @param username the account's username, once user.created has arrived
 * @param displayName the profile's display name
 * @param avatarUrl the profile's avatar
 * @param status the profile's status
 */
public record ProfileSummary(UUID id, @Nullable String username, @Nullable String displayName,
		@Nullable String avatarUrl, @Nullable String status) {

}
