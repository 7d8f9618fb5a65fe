package dev.flux.auth.login;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.Credentials;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.throttle.LoginThrottle;
import dev.flux.auth.throttle.LoginThrottle.Attempt;
import dev.flux.auth.ClientInfo;

/**
 * Password sign-in. Unknown logins, wrong passwords and accounts without a password all
 * answer the same 401 after the same hashing work; throttled attempts answer 429 before
 * any password is checked. A hash made with older parameters is re-encoded on success.
 */
@Service
class SignIn {

	private final Accounts accounts;

	private final Passwords passwords;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	SignIn(Accounts accounts, Passwords passwords, LoginThrottle throttle, Sessions sessions, AuditLog audit,
			TransactionTemplate transactions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.sessions = sessions;
		this.audit = audit;
		this.transactions = transactions;
	}

	TokenResponse signIn(String login, String password, ClientInfo client) {
		Credentials credentials = this.accounts.credentialsByLogin(login).orElse(null);
		String subject = LoginThrottle.subject((credentials != null) ? credentials.id() : null, login);
		Attempt attempt = this.throttle.begin(subject);
		if (!attempt.allowed()) {
			this.audit.loginThrottled((credentials != null) ? credentials.id() : null, client.ip(),
					Math.max(1, attempt.retryAfter().plusNanos(999_999_999).toSeconds()));
			throw new SignInThrottled(attempt.retryAfter());
		}
		String hash = (credentials != null) ? credentials.passwordHash() : null;
		if (credentials == null || !this.passwords.matches(password, hash)) {
			if (credentials == null) {
				this.passwords.matches(password, null);
			}
			this.audit.loginFailed((credentials != null) ? credentials.id() : null, client.ip(),
					(credentials == null) ? "unknown_login" : "wrong_password");
			if (attempt.locksIfFailed()) {
				this.audit.lockedOut((credentials != null) ? credentials.id() : null, client.ip(), attempt.failures());
			}
			throw new InvalidCredentials();
		}
		String upgraded = (hash != null && this.passwords.needsUpgrade(hash)) ? this.passwords.hash(password) : null;
		// One commit for what a success changes: the throttle forgets the failures only
		// if
		// the session opens too.
		TokenResponse tokens = this.transactions.execute((status) -> {
			this.throttle.succeeded(subject);
			if (upgraded != null) {
				this.accounts.upgradePasswordHash(credentials.id(), upgraded);
			}
			return this.sessions.open(credentials.id(), credentials.roles(), client);
		});
		this.audit.loginSucceeded(credentials.id(), client.ip());
		return tokens;
	}

}
