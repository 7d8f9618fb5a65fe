package dev.flux.auth.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.OpaqueTokens;

/**
 * Throttles password guessing per account. Each attempt is counted as a failure before
 * the password is checked (so parallel guesses cannot slip through) and forgotten when it
 * succeeds. After {@code freeFailures} the next attempt must wait a delay that doubles
 * with each failure; after {@code lockAfter} the account is locked for
 * {@code lockDuration}. Every delay is temporary, a password reset lifts it, and sessions
 * already open keep working, so an attacker can slow an owner down but not shut them out.
 * Unknown logins are throttled the same way under a hash of the login, so a throttled
 * answer does not reveal whether an account exists. State lives in the database: it
 * survives restarts and is shared by every instance.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final AuthProperties.Throttle settings;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, AuthProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.throttle();
		this.clock = clock;
	}

	/**
	 * The throttling subject of a login: its account, or the normalized login when none.
	 */
	public static String subject(@Nullable UUID accountId, String login) {
		if (accountId != null) {
			return "account:" + accountId;
		}
		return "login:" + HexFormat.of().formatHex(OpaqueTokens.hash(login.trim().toLowerCase(Locale.ROOT)));
	}

	/** The subject of an account, to clear its throttle. */
	public static String subject(UUID accountId) {
		return "account:" + accountId;
	}

	/**
	 * Counts an attempt, unless the subject must still wait.
	 * @return the attempt, or its refusal with the time to wait
	 */
	public Attempt begin(String subject) {
		Instant now = this.clock.instant();
		Optional<Integer> failures = this.jdbc.sql("""
				INSERT INTO login_throttle AS t (subject, failures, last_failure_at, blocked_until)
				VALUES (:subject, 1, :now, NULL)
				ON CONFLICT (subject) DO UPDATE
				SET failures = CASE WHEN t.last_failure_at < :windowStart THEN 1 ELSE t.failures + 1 END,
				    last_failure_at = :now, blocked_until = NULL
				WHERE t.blocked_until IS NULL OR t.blocked_until <= :now
				RETURNING failures
				""")
			.param("subject", subject)
			.param("now", at(now))
			.param("windowStart", at(now.minus(this.settings.window())))
			.query(Integer.class)
			.optional();
		if (failures.isEmpty()) {
			OffsetDateTime blockedUntil = this.jdbc.sql("SELECT blocked_until FROM login_throttle WHERE subject = ?")
				.param(subject)
				.query(OffsetDateTime.class)
				.single();
			return Attempt.refused(Duration.between(now, blockedUntil.toInstant()));
		}
		int count = failures.get();
		Duration delay = delayAfter(count);
		if (!delay.isZero()) {
			this.jdbc.sql("UPDATE login_throttle SET blocked_until = ? WHERE subject = ?")
				.param(at(now.plus(delay)))
				.param(subject)
				.update();
		}
		return new Attempt(true, Duration.ZERO, count, count >= this.settings.lockAfter());
	}

	/** Forgets the failures of a subject after a successful sign-in. */
	public void succeeded(String subject) {
		this.jdbc.sql("DELETE FROM login_throttle WHERE subject = ?").param(subject).update();
	}

	/** Forgets every failure of an account, its known devices' included (an operator). */
	public void unlock(UUID accountId) {
		this.jdbc.sql("""
				DELETE FROM login_throttle WHERE subject = :account OR subject IN (
				    SELECT 'device:' || encode(token_hash, 'hex') FROM device_cookies WHERE user_id = :id)""")
			.param("account", subject(accountId))
			.param("id", accountId)
			.update();
	}

	/** Removes rows of subjects that have been quiet for a day, hourly. */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
	void purgeQuiet() {
		this.jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < ?")
			.param(at(this.clock.instant().minus(Duration.ofDays(1))))
			.update();
	}

	private Duration delayAfter(int failures) {
		if (failures >= this.settings.lockAfter()) {
			return this.settings.lockDuration();
		}
		if (failures < this.settings.freeFailures()) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - this.settings.freeFailures(), 30);
		Duration delay = this.settings.baseDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(this.settings.lockDuration()) > 0) ? this.settings.lockDuration() : delay;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * The outcome of {@link #begin}.
	 *
	 * @param allowed whether the password may be checked
	 * @param retryAfter how long to wait when refused
	 * @param failures failures counted so far, this attempt included
	 * @param locksIfFailed whether failing this attempt locks the account
	 */
	public record Attempt(boolean allowed, Duration retryAfter, int failures, boolean locksIfFailed) {

		static Attempt refused(Duration retryAfter) {
			return new Attempt(false, retryAfter.isNegative() ? Duration.ZERO : retryAfter, 0, false);
		}

	}

}
