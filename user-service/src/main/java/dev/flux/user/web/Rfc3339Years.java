package dev.flux.user.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The instants a request may carry: those RFC 3339 can write, years 0000 to 9999. Events
 * carry instants in that form, so an instant outside it could be stored but never
 * announced, and broke every read of the row.
 */
public final class Rfc3339Years {

	/** The first instant of year 0000. */
	public static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

	/** The first instant past year 9999. */
	public static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

	private Rfc3339Years() {
	}

	/**
	 * The instant, when it lies in years 0000 to 9999.
	 * @throws ApiProblem 400 naming the field otherwise
	 */
	public static @Nullable Instant check(String field, @Nullable Instant instant) {
		if (instant != null && (instant.isBefore(FIRST) || !instant.isBefore(PAST_LAST))) {
			throw ApiProblem.invalid(field, "must be in the years 0000 to 9999");
		}
		return instant;
	}

}
