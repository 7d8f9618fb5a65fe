package dev.flux.auth.takeback;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.token.OpaqueTokens;

/**
 * The takeback tokens of email changes: one per change, mailed to the previous address,
 * kept only as a hash with the address to restore, single use, valid for
 * {@code flux.auth.takeback-ttl}.
 */
@Service
public class EmailTakebacks {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuthProperties properties;

	EmailTakebacks(JdbcClient jdbc, Clock clock, AuthProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** A new takeback token for an address an account is about to leave. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Offer offer(UUID userId, String previousEmail) {
		String token = OpaqueTokens.generate();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.takebackTtl());
		this.jdbc.sql("""
				INSERT INTO email_takebacks (id, user_id, previous_email, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), userId, previousEmail, OpaqueTokens.hash(token), at(now), at(expiresAt))
			.update();
		return new Offer(token, expiresAt);
	}

	/**
	 * The usable takeback of a token, locked, and every open takeback of its account used
	 * up with it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Takeback> redeem(String token) {
		Instant now = this.clock.instant();
		Optional<Takeback> takeback = this.jdbc.sql("""
				SELECT user_id, previous_email FROM email_takebacks
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? FOR UPDATE""")
			.params(OpaqueTokens.hash(token), at(now))
			.query((rs, row) -> new Takeback(rs.getObject("user_id", UUID.class), rs.getString("previous_email")))
			.optional();
		takeback.ifPresent(
				(found) -> this.jdbc.sql("UPDATE email_takebacks SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
					.params(at(now), found.userId())
					.update());
		return takeback;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A token to mail and when it stops working. */
	public record Offer(String token, Instant expiresAt) {
	}

	/** Whose account to take back, to which address. */
	record Takeback(UUID userId, String previousEmail) {
	}

}
