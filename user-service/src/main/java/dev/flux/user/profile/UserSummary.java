package dev.flux.user.profile;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user in search results: who they are and whether they appear online.
 *
 * @param id the user's id
 * @param username the unique username
 * @param displayName the display name
 * @param avatarUrl the avatar's URL
 * @param status the status others see
 */
public record UserSummary(UUID id, String username, String displayName, @Nullable String avatarUrl, String status) {

}
