package dev.flux.auth.registration;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.account.Account;
import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.EmailAddress;
import dev.flux.auth.account.Username;
import dev.flux.auth.account.UsernameTaken;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.password.PasswordPolicy;
import dev.flux.auth.password.Passwords;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.token.AccessTokens;
import dev.flux.auth.token.AccessTokens.IssuedAccessToken;
import dev.flux.auth.token.OpaqueTokens;
import dev.flux.auth.verification.EmailVerifications;
import dev.flux.auth.ClientInfo;

/**
 * Registers accounts. The account, {@code user.created}, the verification token with its
 * {@code user.verification_requested}, and the first session commit together. A taken
 * email gets the same status, body shape and hashing time as a new one, with a decoy
 * account and tokens no server accepts, so registration does not reveal who has an
 * account.
 */
@Service
class Registration {

	private final Accounts accounts;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final EmailVerifications verifications;

	private final Sessions sessions;

	private final AccessTokens accessTokens;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	Registration(Accounts accounts, Passwords passwords, PasswordPolicy policy, EmailVerifications verifications,
			Sessions sessions, AccessTokens accessTokens, TransactionTemplate transactions, AuditLog audit,
			Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.verifications = verifications;
		this.sessions = sessions;
		this.accessTokens = accessTokens;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	Registered register(String typedEmail, String typedUsername, String password, ClientInfo client) {
		Username username = new Username(typedUsername);
		EmailAddress email = EmailAddress.of(typedEmail);
		this.policy.check("password", password);
		if (this.accounts.usernameTaken(username)) {
			throw new UsernameTaken(username.value());
		}
		String hash = this.passwords.hash(password);
		if (this.accounts.emailTaken(email)) {
			return decoy(username, email);
		}
		Registered registered = this.transactions.execute((status) -> {
			Account account = this.accounts.create(username, email, hash, false);
			this.verifications.request(account);
			return new Registered(AccountView.of(account), this.sessions.open(account, client));
		});
		this.audit.registered(registered.account().id(), client.ip());
		return registered;
	}

	private Registered decoy(Username username, EmailAddress email) {
		UUID id = UUID.randomUUID();
		IssuedAccessToken access = this.accessTokens.issueDecoy(id, List.of("USER"));
		return new Registered(new AccountView(id, username.value(), email.value(), false, this.clock.instant()),
				new TokenResponse(access.value(), OpaqueTokens.generate(), "Bearer", access.expiresIn(),
						UUID.randomUUID()));
	}

	/** A new account with its first token pair. */
	record Registered(AccountView account, TokenResponse tokens) {
	}

}
