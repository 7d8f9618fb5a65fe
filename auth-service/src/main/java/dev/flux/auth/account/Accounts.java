package dev.flux.auth.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.contract.EmailChanged;
import dev.flux.events.contract.PasswordChanged;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserDeleted;
import dev.flux.events.contract.UserUpdated;
import dev.flux.events.outbox.Outbox;

/**
 * The accounts feature's API: finds accounts and changes them, each change appending its
 * {@code user.*} event to the outbox in the caller's transaction.
 */
@Service
public class Accounts {

	private final AccountRepository repository;

	private final Outbox outbox;

	private final Clock clock;

	private final JdbcClient jdbc;

	Accounts(AccountRepository repository, Outbox outbox, Clock clock, JdbcClient jdbc) {
		this.repository = repository;
		this.outbox = outbox;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(UUID id) {
		return this.repository.findById(id);
	}

	/**
	 * The account as its owner sees it, in one SQL statement without a transaction: the
	 * service's most frequent read (docs/benchmarks.md says what that saved).
	 */
	public Optional<AccountView> view(UUID id) {
		return this.jdbc.sql("SELECT id, username, email, email_verified, created_at FROM users WHERE id = ?")
			.param(id)
			.query((rs, row) -> new AccountView(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("email"), rs.getBoolean("email_verified"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * The credentials of the account a login names: an email address when it has an
	 * {@code @}, else a username. Plain SQL, since every sign-in pays for it.
	 */
	public Optional<Credentials> credentialsByLogin(String login) {
		String trimmed = login.trim();
		boolean email = trimmed.contains("@");
		String key = email ? EmailAddress.of(trimmed).value() : trimmed.toLowerCase(java.util.Locale.ROOT);
		String where = email ? "email = ?" : "lower(username) = ?";
		return this.jdbc.sql("SELECT id, password_hash, roles FROM users WHERE " + where)
			.param(key)
			.query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"),
					Account.roles(rs.getString("roles"))))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByEmail(EmailAddress email) {
		return this.repository.findByEmail(email.value());
	}

	@Transactional(readOnly = true)
	public boolean emailTaken(EmailAddress email) {
		return this.repository.existsByEmail(email.value());
	}

	@Transactional(readOnly = true)
	public boolean usernameTaken(Username username) {
		return this.repository.existsByUsernameKey(username.key());
	}

	/**
	 * The account, locked until the transaction ends so its changes and their versions
	 * are serialized.
	 * @throws UnknownAccount when it no longer exists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Account lock(UUID id) {
		return this.repository.findForUpdate(id).orElseThrow(() -> new UnknownAccount());
	}

	/**
	 * Creates an account and appends {@code user.created}.
	 * @throws UsernameTaken or EmailTaken when the username or email is taken (also under
	 * a race)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Account create(Username username, EmailAddress email, @Nullable String passwordHash, boolean emailVerified) {
		if (usernameTaken(username)) {
			throw new UsernameTaken(username.value());
		}
		Account account = Account.register(username, email, passwordHash, emailVerified, this.clock.instant());
		try {
			this.repository.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			throw conflict(ex, username);
		}
		append(account, new UserCreated(account.id(), account.username(), account.email(), account.emailVerified()));
		return account;
	}

	/**
	 * Renames a locked account and appends {@code user.updated}; no event when nothing
	 * changes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void rename(Account account, Username username) {
		if (username.value().equals(account.username())) {
			return;
		}
		if (!username.key().equals(account.username().toLowerCase(java.util.Locale.ROOT)) && usernameTaken(username)) {
			throw new UsernameTaken(username.value());
		}
		account.rename(username, this.clock.instant());
		flush(account, username);
		updated(account, Set.of("username"));
	}

	/**
	 * Moves a locked account to a new, unverified address; appends {@code user.updated}
	 * and {@code user.email_changed} (the notice to the previous address).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changeEmail(Account account, EmailAddress email) {
		if (email.value().equals(account.email())) {
			return;
		}
		if (emailTaken(email)) {
			throw new EmailTaken();
		}
		String previous = account.email();
		boolean wasVerified = account.emailVerified();
		account.changeEmail(email, this.clock.instant());
		flush(account, null);
		updated(account, wasVerified ? Set.of("email", "emailVerified") : Set.of("email"));
		append(account, new EmailChanged(account.id(), account.username(), previous, account.email()));
	}

	/** Marks a locked account's address verified and appends {@code user.updated}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void verifyEmail(Account account) {
		if (account.emailVerified()) {
			return;
		}
		account.verifyEmail(this.clock.instant());
		updated(account, Set.of("emailVerified"));
	}

	/**
	 * Sets a new password hash on a locked account and appends
	 * {@code user.password_changed}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changePassword(Account account, String passwordHash, String reason) {
		account.changePasswordHash(passwordHash, this.clock.instant());
		append(account, new PasswordChanged(account.id(), account.username(), account.email(), reason));
	}

	/** Re-encodes the password of an account with the current encoder; no event. */
	@Transactional
	public void upgradePasswordHash(UUID id, String passwordHash) {
		this.repository.findById(id).ifPresent((account) -> account.upgradePasswordHash(passwordHash));
	}

	/**
	 * Deletes a locked account with everything it owns and appends {@code user.deleted}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void delete(Account account) {
		this.repository.delete(account);
		this.outbox.append(account.id().toString(), account.version() + 1, new UserDeleted(account.id()));
	}

	/** Appends an event about an account at its current version. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(Account account, Object payload) {
		this.outbox.append(account.id().toString(), account.version(), payload);
	}

	private void updated(Account account, Set<String> changed) {
		append(account,
				new UserUpdated(account.id(), changed, account.username(), account.email(), account.emailVerified()));
	}

	private void flush(Account account, @Nullable Username username) {
		try {
			this.repository.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw (username != null) ? conflict(ex, username) : new EmailTaken();
		}
	}

	private static RuntimeException conflict(DataIntegrityViolationException ex, Username username) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		return message.contains("users_username_key") ? new UsernameTaken(username.value()) : new EmailTaken();
	}

}
