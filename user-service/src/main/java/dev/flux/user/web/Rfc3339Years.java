package dev.flux.user.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.flux.web.ApiProblem;

/**
 * The instants a request may carry: years 1583 to 9999. Events carry instants in RFC
 * 3339, which cannot write a year past 9999, so such an instant could be stored but never
 * announced, and broke every read of the row; before 1583 (RFC 3339 would go down to year
 * 0000) JDBC's conversions switch to the Julian calendar and move a stored date by days.
 */
public final class Rfc3339Years {

	/** The first instant of year 1583, the first whole Gregorian year. */
	public static final Instant FIRST = Instant.parse("1583-01-01T00:00:00Z");

	/** The first instant past year 9999. */
	public static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

	private Rfc3339Years() {
	}

	/**
	 * The instant, when it lies in years 1583 to 9999.
	 * @throws ApiProblem 400 naming the field otherwise
	 */
	public static @Nullable Instant check(String field, @Nullable Instant instant) {
		if (instant != null && (instant.isBefore(FIRST) || !instant.isBefore(PAST_LAST))) {
			throw ApiProblem.invalid(field, "must be in the years 1583 to 9999");
		}
		return instant;
	}

}
