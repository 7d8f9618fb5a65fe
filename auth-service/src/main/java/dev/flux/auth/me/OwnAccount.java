package dev.flux.auth.me;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.account.Account;
import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.account.Username;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.PasswordRejected;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.throttle.AddressAttempts;
import dev.flux.auth.password.WrongPassword;
import dev.flux.auth.takeback.EmailTakebacks;
import dev.flux.auth.verification.EmailVerifications;
import dev.flux.events.contract.EmailConflict;
import dev.flux.auth.ClientInfo;

/**
 * What a signed-in user may do to their own account. Changing the email address or
 * deleting the account needs the current password.
 */
@Service
class OwnAccount {

	private final Accounts accounts;

	private final Passwords passwords;

	private final EmailVerifications verifications;

	private final AuditLog audit;

	private final AddressAttempts attempts;

	private final AuthProperties.Enumeration enumeration;

	private final EmailTakebacks takebacks;

	OwnAccount(Accounts accounts, Passwords passwords, EmailVerifications verifications, AuditLog audit,
			AddressAttempts attempts, AuthProperties properties, EmailTakebacks takebacks) {
		this.takebacks = takebacks;
		this.accounts = accounts;
		this.passwords = passwords;
		this.verifications = verifications;
		this.audit = audit;
		this.attempts = attempts;
		this.enumeration = properties.enumeration();
	}

	AccountView get(UUID userId) {
		return this.accounts.view(userId).orElseThrow(() -> new UnknownAccount());
	}

	/**
	 * Applies a username and/or email change; a new email needs the current password and
	 * a new verification. By default a taken address is refused (409); enumeration-safe,
	 * the new address takes effect from a link mailed to it, or, when it is taken, its
	 * owner is told instead, and the answer is the same either way. Email changes are
	 * limited per account and per address (429).
	 */
	@Transactional
	Updated update(UUID userId, @Nullable String username, @Nullable String email, @Nullable String currentPassword) {
		Account account = this.accounts.lock(userId);
		if (username != null) {
			this.accounts.rename(account, new Username(username));
		}
		boolean pending = false;
		if (email != null) {
			EmailAddress address = EmailAddress.of(email);
			if (!address.value().equals(account.email())) {
				requirePassword(account, currentPassword);
				this.attempts.attempt("account:" + account.id());
				this.attempts.attempt("address:" + address.value());
				if (this.enumeration.mitigate()) {
					changeByLink(account, address);
					pending = true;
				}
				else {
					EmailTakebacks.Offer takeback = this.takebacks.offer(account.id(), account.email());
					this.accounts.changeEmail(account, address, takeback.token(), takeback.expiresAt());
					this.verifications.request(account);
				}
			}
		}
		return new Updated(AccountView.of(account), pending);
	}

	private void changeByLink(Account account, EmailAddress address) {
		Account owner = this.accounts.findByEmail(address).orElse(null);
		if (owner != null) {
			this.accounts.append(owner, new EmailConflict(owner.id(), owner.username(), owner.email(), "email_change"));
		}
		else {
			this.verifications.requestChange(account, address);
		}
	}

	/**
	 * The account after an update, and whether an email change waits for its link.
	 */
	record Updated(AccountView account, boolean emailChangePending) {
	}

	@Transactional
	void delete(UUID userId, String password, ClientInfo client) {
		Account account = this.accounts.lock(userId);
		requirePassword(account, password);
		this.accounts.delete(account);
		this.audit.accountDeleted(account.id(), client.ip());
	}

	private void requirePassword(Account account, @Nullable String password) {
		if (password == null) {
			throw new PasswordRejected("currentPassword", "is required to change the email address");
		}
		if (!this.passwords.matches(password, account.passwordHash())) {
			throw new WrongPassword();
		}
	}

}
