package dev.flux.auth.throttle;

import java.time.Duration;

/**
 * Too many registrations or email changes with one address, or email changes by one
 * account; the caller waits {@code retryAfter}.
 */
public final class TooManyAttempts extends RuntimeException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super("Too many attempts", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
