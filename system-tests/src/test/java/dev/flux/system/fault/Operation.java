package dev.flux.system.fault;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One request of the workload and what the client was told.
 *
 * @param kind what it asked for
 * @param account the account it concerns (null for a registration that was refused)
 * @param value the username or display name it set, the email of a registration
 * @param outcome what the answer said
 * @param status the HTTP status, or 0 when no answer came
 */
record Operation(Kind kind, @Nullable UUID account, String value, Outcome outcome, int status) {

	/** The operations of the workload. */
	enum Kind {

		/**
		 * POST /api/auth/register: an account, a profile, a recipient, two emails, one
		 * inbox row.
		 */
		REGISTER,

		/** PATCH /api/auth/me {username}: the new name in every service. */
		RENAME,

		/**
		 * PATCH /api/users/me/profile {displayName}: the new display name in user- and
		 * notification-service.
		 */
		EDIT_PROFILE,

		/**
		 * PUT /api/users/me/status: the chosen status in user-service and in what others
		 * see.
		 */
		SET_STATUS

	}

	/** What the client learnt. */
	enum Outcome {

		/** A 2xx answer: the effect must happen, once. */
		ACCEPTED,

		/** A 4xx answer: the effect must not happen. */
		REFUSED,

		/**
		 * No answer (the instance died, a timeout) or a 5xx: either is right, but all or
		 * nothing. A 5xx is no refusal: when the database connection dies in a commit,
		 * the service cannot know whether the commit happened.
		 */
		UNKNOWN

	}

}
