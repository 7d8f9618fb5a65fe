package dev.flux.auth.login;

import java.time.Duration;

/**
 * Too many failed sign-ins for this account or login; the caller waits
 * {@code retryAfter}.
 */
public final class SignInThrottled extends RuntimeException {

	private final Duration retryAfter;

	SignInThrottled(Duration retryAfter) {
		super("Sign-in throttled", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
