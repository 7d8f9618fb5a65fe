package dev.flux.auth.registration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.account.Account;
import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.account.EmailTaken;
import dev.flux.auth.account.Username;
import dev.flux.auth.account.UsernameTaken;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.PasswordPolicy;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.throttle.AddressAttempts;
import dev.flux.auth.throttle.TooManyAttempts;
import dev.flux.auth.verification.EmailVerifications;
import dev.flux.events.contract.EmailConflict;
import dev.flux.auth.ClientInfo;

/**
 * Registers accounts. The account, {@code user.created}, the verification token with its
 * {@code user.verification_requested}, and the first session commit together. What a
 * taken address gets depends on {@code flux.auth.enumeration.mode}: by default a plain
 * 409; enumeration-safe, the same 202 as a free address (both hash the password), and the
 * owner is mailed through {@code user.email_conflict}. Each address may be tried a few
 * times an hour, whoever asks.
 */
@Service
class Registration {

	private final Accounts accounts;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final EmailVerifications verifications;

	private final Sessions sessions;

	private final AddressAttempts attempts;

	private final AuthProperties.Enumeration enumeration;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	Registration(Accounts accounts, Passwords passwords, PasswordPolicy policy, EmailVerifications verifications,
			Sessions sessions, AddressAttempts attempts, AuthProperties properties, TransactionTemplate transactions,
			AuditLog audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.verifications = verifications;
		this.sessions = sessions;
		this.attempts = attempts;
		this.enumeration = properties.enumeration();
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Registers, or (enumeration-safe, taken address) tells the owner.
	 * @return the account with its first session; without a session when
	 * enumeration-safe, where sign-in starts from the mailed link
	 * @throws UsernameTaken for a taken username, {@link EmailTaken} for a taken address
	 * by default, {@link TooManyAttempts} past the attempts per address,
	 * {@code PasswordRejected} for a password the policy refuses
	 */
	Registered register(String typedEmail, String typedUsername, String password, ClientInfo client) {
		Username username = new Username(typedUsername);
		EmailAddress email = EmailAddress.of(typedEmail);
		this.policy.check("password", password);
		this.attempts.attempt("address:" + email.value());
		if (this.accounts.usernameTaken(username)) {
			throw new UsernameTaken(username.value());
		}
		if (!this.enumeration.mitigate() && this.accounts.emailTaken(email)) {
			throw new EmailTaken();
		}
		String hash = this.passwords.hash(password);
		Registered registered = this.transactions.execute((status) -> {
			Account owner = this.accounts.findByEmail(email).orElse(null);
			if (owner != null) {
				if (!this.enumeration.mitigate()) {
					throw new EmailTaken();
				}
				this.accounts.append(owner,
						new EmailConflict(owner.id(), owner.username(), owner.email(), "registration"));
				return null;
			}
			Account account = this.accounts.create(username, email, hash, false);
			this.verifications.request(account);
			return new Registered(AccountView.of(account),
					this.enumeration.mitigate() ? null : this.sessions.open(account, client));
		});
		if (registered != null) {
			this.audit.registered(registered.account().id(), client.ip());
		}
		return (registered != null) ? registered : new Registered(null, null);
	}

	/**
	 * What a registration gave: the account and its first session, or neither when
	 * enumeration-safe (the same answer whether the address was free or taken).
	 */
	record Registered(@Nullable AccountView account, @Nullable TokenResponse tokens) {
	}

}
