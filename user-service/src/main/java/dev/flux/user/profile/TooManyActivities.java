package dev.flux.user.profile;

/** A user already shows {@link ProfileEdits#MAX_ACTIVITIES} activities. */
public final class TooManyActivities extends RuntimeException {

	TooManyActivities() {
		super("Too many activities", null, false, false);
	}

}
