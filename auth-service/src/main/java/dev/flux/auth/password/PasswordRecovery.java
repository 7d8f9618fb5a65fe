package dev.flux.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.account.Account;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.throttle.LoginThrottle;
import dev.flux.auth.token.OpaqueTokens;
import dev.flux.auth.ClientInfo;
import dev.flux.events.contract.PasswordResetRequested;

/**
 * Forgot, reset and change. A reset token is mailed through {@code
 * user.password_reset_requested}; using it or changing the password revokes the other
 * sessions and appends {@code user.password_changed} so the owner is told.
 */
@Service
public class PasswordRecovery {

	private final Accounts accounts;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final PasswordResetRepository resets;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final AuthProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	PasswordRecovery(Accounts accounts, Passwords passwords, PasswordPolicy policy, PasswordResetRepository resets,
			Sessions sessions, LoginThrottle throttle, AuthProperties properties, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.resets = resets;
		this.sessions = sessions;
		this.throttle = throttle;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Mails a reset token when the address belongs to an account; does nothing otherwise.
	 * The caller answers the same either way. A new token replaces any earlier one.
	 */
	@Transactional
	public void forgot(String email, ClientInfo client) {
		Account found = this.accounts.findByEmail(EmailAddress.of(email)).orElse(null);
		if (found == null) {
			return;
		}
		Account account = this.accounts.lock(found.id());
		Instant now = this.clock.instant();
		this.resets.invalidateOpen(account.id(), now);
		String token = OpaqueTokens.generate();
		Instant expiresAt = now.plus(this.properties.resetTtl());
		this.resets.save(new PasswordReset(account.id(), OpaqueTokens.hash(token), now, expiresAt));
		this.accounts.append(account,
				new PasswordResetRequested(account.id(), account.username(), account.email(), token, expiresAt));
		this.audit.passwordResetRequested(account.id(), client.ip());
	}

	/**
	 * Sets a new password with a reset token, revokes every session and lifts any sign-in
	 * throttle.
	 * @throws InvalidResetToken when the token is unknown, used, replaced or expired, or
	 * the password breaks the policy
	 */
	@Transactional
	public void reset(String token, String newPassword, ClientInfo client) {
		this.policy.check("newPassword", newPassword);
		Instant now = this.clock.instant();
		PasswordReset reset = this.resets.findForUpdate(OpaqueTokens.hash(token))
			.filter((candidate) -> candidate.isUsable(now))
			.orElseThrow(() -> new InvalidResetToken());
		Account account = this.accounts.lock(reset.userId());
		reset.use(now);
		this.resets.invalidateOpen(account.id(), now);
		this.accounts.changePassword(account, this.passwords.hash(newPassword), "reset");
		int revoked = this.sessions.revokeAll(account.id(), null, "password_reset");
		this.throttle.succeeded(LoginThrottle.subject(account.id()));
		this.audit.passwordChanged(account.id(), client.ip(), "reset");
		this.audit.sessionsRevoked(account.id(), client.ip(), "password_reset", revoked);
	}

	/**
	 * Changes the password of a signed-in user and revokes their other sessions.
	 * @throws WrongPassword when the current password is wrong, PasswordRejected when the
	 * new one breaks the policy
	 */
	@Transactional
	public void change(UUID userId, @Nullable UUID currentSession, String currentPassword, String newPassword,
			ClientInfo client) {
		this.policy.check("newPassword", newPassword);
		Account account = this.accounts.lock(userId);
		if (!this.passwords.matches(currentPassword, account.passwordHash())) {
			throw new WrongPassword();
		}
		this.accounts.changePassword(account, this.passwords.hash(newPassword), "changed");
		int revoked = this.sessions.revokeAll(account.id(), currentSession, "password_change");
		this.audit.passwordChanged(account.id(), client.ip(), "changed");
		this.audit.sessionsRevoked(account.id(), client.ip(), "password_change", revoked);
	}

}
