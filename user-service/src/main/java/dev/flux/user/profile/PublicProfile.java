package dev.flux.user.profile;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.user.activity.ActivityView;

/**
 * A user as every other user sees them: no settings, no presence details; an invisible
 * user, or one who hides their online status, is {@code offline} with no activities.
 *
 * @param id the user's id
 * @param username the unique username (from auth-service)
 * @param displayName the display name, the username unless they chose one
 * @param avatarUrl the avatar's URL
 * @param bio the bio
 * @param status {@code online}, {@code idle}, {@code dnd} or {@code offline}
 * @param customStatus the custom status unless none or expired
 * @param activities what they are doing
 */
public record PublicProfile(UUID id, String username, String displayName, @Nullable String avatarUrl,
		@Nullable String bio, String status, @Nullable CustomStatus customStatus, List<ActivityView> activities) {

}
