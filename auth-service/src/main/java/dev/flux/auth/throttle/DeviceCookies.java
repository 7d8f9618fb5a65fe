package dev.flux.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.OpaqueTokens;

/**
 * OWASP device cookies: a random value a browser receives when it signs in to an account,
 * bound to that account and kept only as its SHA-256. A sign-in that presents a valid one
 * is throttled under the device, apart from the account's unknown clients, so the lock
 * that guessing causes applies to untrusted clients only.
 */
@Component
public class DeviceCookies {

	/** The cookie's name. */
	public static final String NAME = "flux_device";

	/** Where the browser sends it: the auth API only. */
	public static final String PATH = "/api/auth";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	DeviceCookies(JdbcClient jdbc, Clock clock, AuthProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = properties.deviceCookies().ttl();
	}

	/**
	 * The throttling subject of a sign-in: its device when the cookie is valid for the
	 * account, else the account (or the login when none).
	 */
	public String subject(@Nullable String cookie, @Nullable UUID accountId, String login) {
		if (cookie != null && accountId != null && trusted(cookie, accountId)) {
			return "device:" + HexFormat.of().formatHex(OpaqueTokens.hash(cookie));
		}
		return LoginThrottle.subject(accountId, login);
	}

	/** A new device cookie for an account; the one presented, if any, is replaced. */
	public String issue(UUID accountId, @Nullable String presented) {
		if (presented != null) {
			this.jdbc.sql("DELETE FROM device_cookies WHERE token_hash = ?")
				.param(OpaqueTokens.hash(presented))
				.update();
		}
		String cookie = OpaqueTokens.generate();
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO device_cookies (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(OpaqueTokens.hash(cookie), accountId, at(now), at(now.plus(this.ttl)))
			.update();
		return cookie;
	}

	/** How long a device cookie stays valid. */
	public Duration ttl() {
		return this.ttl;
	}

	private boolean trusted(String cookie, UUID accountId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM device_cookies WHERE token_hash = ? AND user_id = ? AND expires_at > ?)")
			.params(OpaqueTokens.hash(cookie), accountId, at(this.clock.instant()))
			.query(Boolean.class)
			.single();
	}

	/** Removes expired cookies, daily. */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.DAYS)
	void purgeExpired() {
		this.jdbc.sql("DELETE FROM device_cookies WHERE expires_at < ?").param(at(this.clock.instant())).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
