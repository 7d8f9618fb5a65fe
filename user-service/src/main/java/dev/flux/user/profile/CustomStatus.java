package dev.flux.user.profile;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A short status the user wrote: a text, an emoji or both, until {@code expiresAt} if
 * set.
 */
public record CustomStatus(@Nullable String text, @Nullable String emoji, @Nullable Instant expiresAt) {

	/** Whether it has expired at {@code now}. */
	public boolean expiredAt(Instant now) {
		return this.expiresAt != null && !this.expiresAt.isAfter(now);
	}

}
