package dev.flux.auth.session;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.account.Account;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.token.AccessTokens;
import dev.flux.auth.token.AccessTokens.IssuedAccessToken;
import dev.flux.auth.token.OpaqueTokens;
import dev.flux.auth.ClientInfo;

/**
 * The sessions feature's API. Every refresh exchanges the presented token for a new one
 * in the same family; presenting an already exchanged token again means it was copied, so
 * the whole family is revoked and the caller gets 401.
 */
@Service
public class Sessions {

	private final SessionRepository sessions;

	private final RefreshTokenRepository tokens;

	private final Accounts accounts;

	private final AccessTokens accessTokens;

	private final TransactionTemplate transactions;

	private final AuthProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	Sessions(SessionRepository sessions, RefreshTokenRepository tokens, Accounts accounts, AccessTokens accessTokens,
			TransactionTemplate transactions, AuthProperties properties, AuditLog audit, Clock clock, JdbcClient jdbc) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.accounts = accounts;
		this.accessTokens = accessTokens;
		this.transactions = transactions;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * Starts a session for an account that just proved who it is. The account's row must
	 * be in the database already (flushed, if created in this transaction): the session
	 * row refers to it.
	 */
	@Transactional
	public TokenResponse open(Account account, ClientInfo client) {
		return open(account.id(), account.roles(), client);
	}

	/**
	 * Starts a session for a user that just proved who it is: the session and its first
	 * refresh token in one SQL statement, outside JPA (the rows are new and nothing reads
	 * them back in this transaction), since every sign-in pays for it.
	 */
	@Transactional
	public TokenResponse open(UUID userId, List<String> roles, ClientInfo client) {
		Instant now = this.clock.instant();
		UUID sessionId = UUID.randomUUID();
		String refreshToken = OpaqueTokens.generate();
		this.jdbc.sql("""
				WITH session AS (
				    INSERT INTO sessions (id, user_id, user_agent, ip_address, created_at, last_used_at, expires_at)
				    VALUES (:session, :user, :userAgent, :ip, :now, :now, :expiresAt))
				INSERT INTO refresh_tokens (id, session_id, token_hash, created_at)
				VALUES (:token, :session, :tokenHash, :now)""")
			.param("session", sessionId)
			.param("user", userId)
			.param("userAgent", client.userAgent())
			.param("ip", client.ip())
			.param("now", at(now))
			.param("expiresAt", at(now.plus(this.properties.session().absoluteTtl())))
			.param("token", UUID.randomUUID())
			.param("tokenHash", OpaqueTokens.hash(refreshToken))
			.update();
		IssuedAccessToken access = this.accessTokens.issue(userId, roles, sessionId);
		return new TokenResponse(access.value(), refreshToken, access.expiresIn(), sessionId);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * Exchanges a refresh token for a new pair.
	 * @throws InvalidRefreshToken when the token is unknown, expired or revoked, or was
	 * already exchanged (then its whole session is revoked first)
	 */
	public TokenResponse refresh(String refreshToken, ClientInfo client) {
		Refreshed refreshed = this.transactions.execute((status) -> rotate(refreshToken, client));
		if (refreshed == null || refreshed.tokens() == null) {
			throw new InvalidRefreshToken();
		}
		return refreshed.tokens();
	}

	private Refreshed rotate(String refreshToken, ClientInfo client) {
		RefreshToken presented = this.tokens.findForUpdate(OpaqueTokens.hash(refreshToken)).orElse(null);
		if (presented == null) {
			return Refreshed.REFUSED;
		}
		Instant now = this.clock.instant();
		Session session = this.sessions.findForUpdate(presented.sessionId()).orElseThrow();
		if (presented.isRotated()) {
			session.revoke(now, "reuse");
			this.audit.refreshTokenReused(session.userId(), session.getId(), client.ip());
			return Refreshed.REFUSED;
		}
		if (!session.isActive(now, this.properties.session().idleTtl())) {
			return Refreshed.REFUSED;
		}
		Account account = this.accounts.find(session.userId()).orElse(null);
		if (account == null) {
			return Refreshed.REFUSED;
		}
		presented.rotate(now);
		session.used(now, client.ip(), client.userAgent());
		String next = OpaqueTokens.generate();
		this.tokens.save(new RefreshToken(session.getId(), OpaqueTokens.hash(next), now));
		IssuedAccessToken access = this.accessTokens.issue(account.id(), account.roles(), session.getId());
		return new Refreshed(new TokenResponse(access.value(), next, access.expiresIn(), session.getId()));
	}

	/**
	 * Revokes the session of a refresh token; unknown tokens are ignored (logout is
	 * idempotent).
	 */
	@Transactional
	public void logout(String refreshToken) {
		this.tokens.findForUpdate(OpaqueTokens.hash(refreshToken))
			.flatMap((token) -> this.sessions.findById(token.sessionId()))
			.ifPresent((session) -> session.revoke(this.clock.instant(), "logout"));
	}

	/**
	 * Revokes every session of a user but the one given.
	 * @return how many were revoked
	 */
	@Transactional
	public int revokeAll(UUID userId, @Nullable UUID except, String reason) {
		Instant now = this.clock.instant();
		return (except != null) ? this.sessions.revokeAllExcept(userId, except, now, reason)
				: this.sessions.revokeAll(userId, now, reason);
	}

	/**
	 * Revokes one of a user's sessions.
	 * @throws UnknownSession when the user has no such session
	 */
	@Transactional
	public void revoke(UUID userId, UUID sessionId) {
		Session session = this.sessions.findById(sessionId)
			.filter((candidate) -> candidate.userId().equals(userId))
			.orElseThrow(() -> new UnknownSession());
		session.revoke(this.clock.instant(), "revoked");
	}

	/** The user's live sessions, most recently used first. */
	@Transactional(readOnly = true)
	public List<SessionView> list(UUID userId, @Nullable UUID currentSessionId) {
		Instant now = this.clock.instant();
		return this.sessions.findLive(userId, now)
			.stream()
			.filter((session) -> session.isActive(now, this.properties.session().idleTtl()))
			.map((session) -> new SessionView(session.getId(), session.userAgent(), session.ipAddress(),
					session.createdAt(), session.lastUsedAt(), session.getId().equals(currentSessionId)))
			.toList();
	}

	private record Refreshed(@Nullable TokenResponse tokens) {

		static final Refreshed REFUSED = new Refreshed(null);

	}

}
