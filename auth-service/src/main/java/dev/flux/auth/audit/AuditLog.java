package dev.flux.auth.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * Writes security events to the {@code flux.audit} logger as structured key-value pairs
 * ({@code audit.event}, {@code audit.userId}, {@code audit.client}...). It never receives
 * a password, token or login name, so none can leak.
 */
@Component
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger("flux.audit");

	public void loginSucceeded(UUID userId, String client) {
		event("login_succeeded", userId, client).log("Sign-in succeeded");
	}

	/** A failed sign-in; {@code userId} is null when the login names no account. */
	public void loginFailed(@Nullable UUID userId, String client, String reason) {
		event("login_failed", userId, client).addKeyValue("audit.reason", reason).log("Sign-in failed");
	}

	public void loginThrottled(@Nullable UUID userId, String client, long retryAfterSeconds) {
		event("login_throttled", userId, client).addKeyValue("audit.retryAfterSeconds", retryAfterSeconds)
			.log("Sign-in refused while throttled");
	}

	public void lockedOut(@Nullable UUID userId, String client, int failures) {
		event("lockout", userId, client).addKeyValue("audit.failures", failures).log("Account locked after failures");
	}

	public void registered(UUID userId, String client) {
		event("registered", userId, client).log("Account registered");
	}

	public void passwordChanged(UUID userId, String client, String reason) {
		event("password_changed", userId, client).addKeyValue("audit.reason", reason).log("Password changed");
	}

	public void passwordResetRequested(UUID userId, String client) {
		event("password_reset_requested", userId, client).log("Password reset requested");
	}

	public void emailVerified(UUID userId, String client) {
		event("email_verified", userId, client).log("Email address verified");
	}

	public void refreshTokenReused(UUID userId, UUID sessionId, String client) {
		logger.atWarn()
			.addKeyValue("audit.event", "token_reuse_detected")
			.addKeyValue("audit.userId", userId)
			.addKeyValue("audit.sessionId", sessionId)
			.addKeyValue("audit.client", client)
			.log("Rotated refresh token presented again: session revoked");
	}

	public void sessionsRevoked(UUID userId, String client, String reason, int count) {
		event("sessions_revoked", userId, client).addKeyValue("audit.reason", reason)
			.addKeyValue("audit.count", count)
			.log("Sessions revoked");
	}

	/** An operator lifted an account's sign-in lock. */
	public void unlocked(UUID userId, String client) {
		event("unlocked", userId, client).log("Sign-in lock lifted by an operator");
	}

	public void accountDeleted(UUID userId, String client) {
		event("account_deleted", userId, client).log("Account deleted");
	}

	/** A sign-in through a provider; {@code how} is signed_in, linked or registered. */
	public void socialLogin(UUID userId, String provider, String how) {
		logger.atInfo()
			.addKeyValue("audit.event", "social_login")
			.addKeyValue("audit.userId", userId)
			.addKeyValue("audit.provider", provider)
			.addKeyValue("audit.how", how)
			.log("Signed in through a provider");
	}

	/** A provider flow that ended without a sign-in, with the error code sent back. */
	public void socialLoginFailed(@Nullable String provider, String error, String client) {
		logger.atInfo()
			.addKeyValue("audit.event", "social_login_failed")
			.addKeyValue("audit.provider", provider)
			.addKeyValue("audit.reason", error)
			.addKeyValue("audit.client", client)
			.log("Provider flow failed");
	}

	public void identityLinked(UUID userId, String provider, String client) {
		event("identity_linked", userId, client).addKeyValue("audit.provider", provider).log("Provider linked");
	}

	public void identityUnlinked(UUID userId, String provider, String client) {
		event("identity_unlinked", userId, client).addKeyValue("audit.provider", provider).log("Provider unlinked");
	}

	/** A used sign-in code presented again: the session it opened is revoked. */
	public void oneTimeCodeReplayed(UUID userId, @Nullable UUID sessionId, String client) {
		logger.atWarn()
			.addKeyValue("audit.event", "one_time_code_replayed")
			.addKeyValue("audit.userId", userId)
			.addKeyValue("audit.sessionId", sessionId)
			.addKeyValue("audit.client", client)
			.log("Used sign-in code presented again: its session revoked");
	}

	/**
	 * The ADMIN role was given to an account; {@code by} is the operator, null when the
	 * flux.auth.admins list gave it.
	 */
	public void adminGranted(UUID userId, @Nullable UUID by, String client) {
		event("admin_granted", userId, client).addKeyValue("audit.by", by).log("ADMIN role granted");
	}

	/** An operator took the ADMIN role from an account. */
	public void adminRevoked(UUID userId, UUID by, String client) {
		event("admin_revoked", userId, client).addKeyValue("audit.by", by).log("ADMIN role revoked");
	}

	public void signingKeyRotated(String newKid, @Nullable String retiredKid) {
		logger.atInfo()
			.addKeyValue("audit.event", "signing_key_rotated")
			.addKeyValue("audit.kid", newKid)
			.addKeyValue("audit.retiredKid", retiredKid)
			.log("Signing key rotated");
	}

	private static LoggingEventBuilder event(String event, @Nullable UUID userId, String client) {
		return logger.atInfo()
			.addKeyValue("audit.event", event)
			.addKeyValue("audit.userId", userId)
			.addKeyValue("audit.client", client);
	}

}
