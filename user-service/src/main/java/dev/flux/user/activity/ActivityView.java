package dev.flux.user.activity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An activity as the API shows it.
 *
 * @param id the activity's id, for {@code DELETE /api/users/me/activities/{id}}
 * @param type {@code playing}, {@code listening} or {@code watching}
 * @param name what: the game, the song, the show
 * @param details a detail line
 * @param state a state line
 * @param startedAt when it started
 * @param endsAt when it ends, null when open
 */
public record ActivityView(UUID id, String type, String name, @Nullable String details, @Nullable String state,
		Instant startedAt, @Nullable Instant endsAt) {

	/** A new activity, checked by the web layer; {@code startedAt} null means now. */
	public record Draft(String type, String name, @Nullable String details, @Nullable String state,
			@Nullable Instant startedAt, @Nullable Instant endsAt) {

	}

}
