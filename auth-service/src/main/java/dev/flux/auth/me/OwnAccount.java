package dev.flux.auth.me;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.account.Account;
import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.account.Username;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.PasswordRejected;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.password.WrongPassword;
import dev.flux.auth.verification.EmailVerifications;
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

	OwnAccount(Accounts accounts, Passwords passwords, EmailVerifications verifications, AuditLog audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.verifications = verifications;
		this.audit = audit;
	}

	AccountView get(UUID userId) {
		return this.accounts.view(userId).orElseThrow(() -> new UnknownAccount());
	}

	/**
	 * Applies a username and/or email change; a new email needs the current password and
	 * a new verification.
	 */
	@Transactional
	AccountView update(UUID userId, @Nullable String username, @Nullable String email,
			@Nullable String currentPassword) {
		Account account = this.accounts.lock(userId);
		if (username != null) {
			this.accounts.rename(account, new Username(username));
		}
		if (email != null) {
			EmailAddress address = EmailAddress.of(email);
			if (!address.value().equals(account.email())) {
				requirePassword(account, currentPassword);
				this.accounts.changeEmail(account, address);
				this.verifications.request(account);
			}
		}
		return AccountView.of(account);
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
