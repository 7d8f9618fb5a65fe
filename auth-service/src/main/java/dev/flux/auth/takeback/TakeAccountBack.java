package dev.flux.auth.takeback;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.ClientInfo;
import dev.flux.auth.account.Account;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.PasswordPolicy;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.throttle.LoginThrottle;

/**
 * Undoes an email change for whoever holds the previous address: the address comes back
 * verified, the password is replaced, and every session ends, the taker's included.
 */
@Service
class TakeAccountBack {

	private final EmailTakebacks takebacks;

	private final Accounts accounts;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	TakeAccountBack(EmailTakebacks takebacks, Accounts accounts, Passwords passwords, PasswordPolicy policy,
			Sessions sessions, LoginThrottle throttle, AuditLog audit) {
		this.takebacks = takebacks;
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * @throws InvalidTakebackToken when the token is unknown, used or expired
	 * @throws dev.flux.auth.password.PasswordRejected when the password breaks the policy
	 * @throws dev.flux.auth.account.EmailTaken when another account holds the previous
	 * address now
	 */
	@Transactional
	void takeBack(String token, String newPassword, ClientInfo client) {
		this.policy.check("newPassword", newPassword);
		EmailTakebacks.Takeback takeback = this.takebacks.redeem(token).orElseThrow(InvalidTakebackToken::new);
		Account account = this.accounts.lock(takeback.userId());
		this.accounts.restoreEmail(account, EmailAddress.of(takeback.previousEmail()));
		// "reset": the owner set it through a link mailed to the address, as with a
		// reset.
		this.accounts.changePassword(account, this.passwords.hash(newPassword), "reset");
		int revoked = this.sessions.revokeAll(account.id(), null, "takeback");
		this.throttle.unlock(account.id());
		this.audit.passwordChanged(account.id(), client.ip(), "takeback");
		this.audit.sessionsRevoked(account.id(), client.ip(), "takeback", revoked);
	}

}
