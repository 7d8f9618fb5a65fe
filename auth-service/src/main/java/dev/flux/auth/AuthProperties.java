package dev.flux.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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
 * @param enumeration what registration and email changes tell about taken addresses
 * @param deviceCookies the cookies that let an owner's browser past a lock
 * @param takebackTtl how long the link that undoes an email change works
 * @param admins the emails or usernames of accounts that get the ADMIN role once their
 * email address is verified (at start-up and on verification); never revoked by start-up
 */
@ConfigurationProperties("flux.auth")
public record AuthProperties(String issuer, @DefaultValue("flux") String audience,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue Session session, Keys keys,
		@DefaultValue("24h") Duration verificationTtl, @DefaultValue("30m") Duration resetTtl,
		@DefaultValue Throttle throttle, @DefaultValue RateLimit rateLimit, @DefaultValue Hashing hashing,
		@DefaultValue Enumeration enumeration, @DefaultValue DeviceCookies deviceCookies,
		@DefaultValue("7d") Duration takebackTtl, @DefaultValue List<String> admins) {

	/**
	 * Device cookies (OWASP).
	 *
	 * @param ttl how long a device stays trusted after its last sign-in
	 * @param secure whether the cookie is {@code Secure}; unset: unless the issuer is a
	 * plain-http loopback address (local development)
	 */
	public record DeviceCookies(@DefaultValue("180d") Duration ttl, @Nullable Boolean secure) {

		/** Whether browsers must send the cookie over HTTPS only. */
		public boolean secureFor(String issuer) {
			if (this.secure != null) {
				return this.secure;
			}
			URI uri = URI.create(issuer);
			String host = String.valueOf(uri.getHost());
			boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
			return !("http".equals(uri.getScheme()) && local);
		}

	}

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

	/**
	 * What registration and email changes tell about an address that has an account
	 * (docs/security.md, "Account enumeration"), and how often one address may be tried.
	 *
	 * @param mode {@code reveal}: a taken address is refused with 409; {@code mitigate}:
	 * every request gets the same 202, the owner of a taken address is mailed, and a new
	 * address takes effect from a mailed link
	 * @param perAddress attempts one address may take (registrations, or email changes to
	 * it) per {@code window}, and email changes one account may ask for
	 * @param window the period {@code perAddress} refills over
	 */
	public record Enumeration(@DefaultValue("reveal") Mode mode, @DefaultValue("5") int perAddress,
			@DefaultValue("1h") Duration window) {

		/** {@code reveal} (the default) or {@code mitigate}, as Ory Kratos names them. */
		public enum Mode {

			/** A taken address is refused plainly, 409. */
			REVEAL,

			/**
			 * Every request is answered alike, 202; the mailbox's owner learns the rest.
			 */
			MITIGATE

		}

		public boolean mitigate() {
			return this.mode == Mode.MITIGATE;
		}

	}

}
