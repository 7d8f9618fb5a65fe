package dev.flux.user.profile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.user.activity.ActivityView;

/**
 * A user's profile as they see it themselves.
 *
 * @param id the user's id
 * @param username the unique username (from auth-service; changed there)
 * @param displayName the display name, the username unless they chose one
 * @param avatarUrl the avatar's URL
 * @param bio the bio
 * @param status their status: the one they chose, else their presence
 * @param chosenStatus the status they chose, null when it follows presence
 * @param presence {@code online} while they have a realtime connection, else
 * {@code offline}
 * @param publicStatus the status others see
 * @param customStatus the custom status unless none or expired
 * @param activities what they are doing
 * @param createdAt when the profile was created
 * @param updatedAt when it last changed
 */
public record OwnProfile(UUID id, String username, String displayName, @Nullable String avatarUrl, @Nullable String bio,
		String status, @Nullable String chosenStatus, String presence, String publicStatus,
		@Nullable CustomStatus customStatus, List<ActivityView> activities, Instant createdAt, Instant updatedAt) {

}
