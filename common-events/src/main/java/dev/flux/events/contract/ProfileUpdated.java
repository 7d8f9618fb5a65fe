package dev.flux.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.EventType;

/**
 * A user's public profile changed; {@code changedFields} says which fields, the others
 * carry the profile's full current values as other users see them (null where the user
 * has not set one). {@code customStatus} and {@code activities} were added later: a
 * producer that does not set them leaves them out, and readers treat their absence as
 * unknown, not as cleared.
 *
 * @param userId the profile owner's id
 * @param changedFields the names of the changed fields: {@code displayName},
 * {@code avatarUrl}, {@code bio}, {@code status}, {@code customStatus},
 * {@code activities}; never empty
 * @param displayName the current display name
 * @param avatarUrl the current avatar's absolute URL
 * @param bio the current bio
 * @param status the current status as others see it, e.g. {@code online} or
 * {@code offline}
 * @param customStatus the current custom status, null when none is set
 * @param activities what the user is doing now, as others see it (empty when none or
 * hidden)
 */
@EventType("profile.updated")
public record ProfileUpdated(UUID userId, Set<String> changedFields, @Nullable String displayName,
		@Nullable String avatarUrl, @Nullable String bio, @Nullable String status, @Nullable CustomStatus customStatus,
		@Nullable List<Activity> activities) {

	static final Set<String> FIELDS = Set.of("displayName", "avatarUrl", "bio", "status", "customStatus", "activities");

	public ProfileUpdated {
		Objects.requireNonNull(userId, "userId is required");
		changedFields = ChangedFields.of(changedFields, FIELDS);
		activities = (activities != null) ? List.copyOf(activities) : null;
	}

	/** The first version's fields only: custom status and activities left out. */
	public ProfileUpdated(UUID userId, Set<String> changedFields, @Nullable String displayName,
			@Nullable String avatarUrl, @Nullable String bio, @Nullable String status) {
		this(userId, changedFields, displayName, avatarUrl, bio, status, null, null);
	}

	/**
	 * A short status the user wrote.
	 *
	 * @param text the text, may be null when only an emoji is set
	 * @param emoji a unicode emoji or a {@code :name:}, may be null
	 * @param expiresAt when it disappears; null keeps it until changed
	 */
	public record CustomStatus(@Nullable String text, @Nullable String emoji, @Nullable Instant expiresAt) {

	}

	/**
	 * Something the user is doing.
	 *
	 * @param type {@code playing}, {@code listening} or {@code watching}
	 * @param name what: the game, the song, the show
	 * @param details a detail line, may be null
	 * @param state a state line, may be null
	 * @param startedAt when it started
	 * @param endsAt when it ends, null when open
	 */
	public record Activity(String type, String name, @Nullable String details, @Nullable String state,
			Instant startedAt, @Nullable Instant endsAt) {

		public Activity {
			Objects.requireNonNull(type, "type is required");
			Objects.requireNonNull(name, "name is required");
			Objects.requireNonNull(startedAt, "startedAt is required");
		}

	}

}
