package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A user's public profile changed; {@code changedFields} says which fields, the others
 * carry the profile's full current values (null where the user has not set one).
 *
 * @param userId the profile owner's id
 * @param changedFields the names of the changed fields: {@code displayName},
 * {@code avatarUrl}, {@code bio}, {@code status}; never empty
 * @param displayName the current display name
 * @param avatarUrl the current avatar's absolute URL
 * @param bio the current bio
 * @param status the current status, e.g. {@code online} or {@code offline}
 */
@EventType("profile.updated")
public record ProfileUpdated(UUID userId, Set<String> changedFields, @Nullable String displayName,
		@Nullable String avatarUrl, @Nullable String bio, @Nullable String status) {

	static final Set<String> FIELDS = Set.of("displayName", "avatarUrl", "bio", "status");

	public ProfileUpdated {
		Objects.requireNonNull(userId, "userId is required");
		changedFields = ChangedFields.of(changedFields, FIELDS);
	}

}
