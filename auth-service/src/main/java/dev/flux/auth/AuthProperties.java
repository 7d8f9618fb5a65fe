package dev.flux.auth;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the auth-service ({@code flux.auth.*}).
 *
 * @param issuer the {@code iss} of every access token, also the base URL of the JWKS
 * @param audience the {@code aud} of every access token
 * @param accessTokenTtl how long an access token is valid
 * @param session refresh-token lifetimes
 * @param keys signing-key storage and rotation
 * @param verificationTtl how long an email verification token works
 * @param resetTtl how long a password reset token works
 * @param throttle per-account sign-in throttling
 * @param rateLimit per-client request rate limit
 * @param hashing where and how many passwords are hashed at once
 */
@ConfigurationProperties("flux.auth")
public record AuthProperties(String issuer, @DefaultValue("flux") String audience,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue Session session, Keys keys,
		@DefaultValue("24h") Duration verificationTtl, @DefaultValue("30m") Duration resetTtl,
		@DefaultValue Throttle throttle, @DefaultValue RateLimit rateLimit, @DefaultValue Hashing hashing) {

	/**
	 * Refresh-token lifetimes.
	 *
	 * @param absoluteTtl how long a session lives from sign-in, however active
	 * @param idleTtl how long a session lives without a refresh
	 */
	public record Session(@DefaultValue("30d") Duration absoluteTtl, @DefaultValue("14d") Duration idleTtl) {
	}

	/**
	 * Signing keys.
	 *
	 * @param encryptionKey base64 of the 256-bit AES key that encrypts private keys at
	 * rest
	 * @param rotationInterval age at which the active key is replaced
	 * @param rotationCheck how often instances check whether a rotation is due
	 */
	public record Keys(String encryptionKey, @DefaultValue("30d") Duration rotationInterval,
			@DefaultValue("1h") Duration rotationCheck) {
	}

	/**
	 * Per-account throttling of failed sign-ins.
	 *
	 * @param freeFailures failures allowed before any delay
	 * @param baseDelay the first delay; it doubles with every further failure
	 * @param lockAfter failures after which the account is locked
	 * @param lockDuration how long a lock lasts, also the longest delay
	 * @param window failures older than this are forgotten
	 */
	public record Throttle(@DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration baseDelay,
			@DefaultValue("10") int lockAfter, @DefaultValue("15m") Duration lockDuration,
			@DefaultValue("15m") Duration window) {
	}

	/**
	 * Per-client (IP address) limit on the unauthenticated auth endpoints.
	 *
	 * @param capacity requests a client may burst
	 * @param perMinute requests a client regains per minute
	 */
	public record RateLimit(@DefaultValue("30") int capacity, @DefaultValue("30") int perMinute) {
	}

	/**
	 * Where passwords are hashed (Argon2id: a core and 19 MiB per hash).
	 *
	 * @param concurrency hashes computed at once, on threads of their own; unset: as many
	 * as cores, so that a burst of sign-ins may use the whole machine
	 * @param queue hashes that may wait for a hashing thread; requests beyond it get 503
	 */
	public record Hashing(@Nullable Integer concurrency, @DefaultValue("32") int queue) {

		/** The configured concurrency, or as many as cores. */
		public int slots() {
			return (this.concurrency != null) ? this.concurrency : Runtime.getRuntime().availableProcessors();
		}

	}

}
