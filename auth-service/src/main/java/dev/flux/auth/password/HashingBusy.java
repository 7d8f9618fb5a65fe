package dev.flux.auth.password;

import java.time.Duration;

/**
 * Too many passwords wait to be hashed; the caller tries again after {@code retryAfter}.
 */
public final class HashingBusy extends RuntimeException {

	private final Duration retryAfter;

	HashingBusy(Duration retryAfter) {
		super("Hashing busy", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
