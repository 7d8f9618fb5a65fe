/**
 * What the user-service keeps about a user: the profile (cached username, display name,
 * avatar, bio, custom status, chosen status and presence), settings and activities, one
 * aggregate whose changes are announced as {@code profile.updated}.
 */
@NullMarked
package dev.flux.user.profile;

import org.jspecify.annotations.NullMarked;
