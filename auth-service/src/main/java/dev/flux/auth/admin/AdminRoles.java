package dev.flux.auth.admin;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.auth.account.Account;
import dev.flux.auth.account.Accounts;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.session.Sessions;

/**
 * Who holds the ADMIN role, and the only ways it changes: the {@code flux.auth.admins}
 * list (accounts whose email is verified) and an operator's grant or revoke. Every change
 * is a {@code role_changes} row and an audit log line.
 */
@Component
public class AdminRoles {

	static final String ADMIN = "ADMIN";

	private final Accounts accounts;

	private final Sessions sessions;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	AdminRoles(Accounts accounts, Sessions sessions, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Gives an account the ADMIN role (from its next sign-in or refresh).
	 * @param by the operator who grants it
	 * @return false when the account already had it
	 * @throws UnknownAccount when there is no such account
	 */
	@Transactional
	public boolean grant(UUID userId, UUID by, String client) {
		Account account = this.accounts.lock(userId);
		if (!account.grantRole(ADMIN)) {
			return false;
		}
		record(userId, "granted", by, "admin-api");
		this.audit.adminGranted(userId, by, client);
		return true;
	}

	/**
	 * Takes the ADMIN role away and ends the account's sessions, so no refresh mints
	 * another admin token; access tokens already issued live until they expire.
	 * @return false when the account did not have it
	 * @throws UnknownAccount when there is no such account
	 * @throws LastAdmin when no other account holds the role
	 */
	@Transactional
	public boolean revoke(UUID userId, UUID by, String client) {
		Account account = this.accounts.lock(userId);
		if (!account.roles().contains(ADMIN)) {
			return false;
		}
		// Serializes concurrent revokes, so two admins cannot remove each other at once.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('flux.admin-roles'))").query().singleValue();
		if (admins().size() <= 1) {
			throw new LastAdmin();
		}
		account.revokeRole(ADMIN);
		this.sessions.revokeAll(userId, null, "admin_revoked");
		record(userId, "revoked", by, "admin-api");
		this.audit.adminRevoked(userId, by, client);
		return true;
	}

	/** The accounts that hold the ADMIN role, by username. */
	@Transactional(readOnly = true)
	public List<Admin> admins() {
		return this.jdbc
			.sql("SELECT id, username, email FROM users WHERE roles ~ '(^|[ ,])ADMIN([ ,]|$)' ORDER BY lower(username)")
			.query((rs, row) -> new Admin(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("email")))
			.list();
	}

	/**
	 * Grants the role to the account of each configured email or username whose email is
	 * verified.
	 * @return how many accounts got it now
	 */
	@Transactional
	public int bootstrap(List<String> entries) {
		int granted = 0;
		for (String entry : entries) {
			UUID id = verifiedAccountOf(entry.trim());
			if (id != null && bootstrap(id)) {
				granted++;
			}
		}
		return granted;
	}

	/**
	 * Grants the role to a just-verified account when the configuration lists its email
	 * or username.
	 */
	@Transactional
	public void verified(Account account, List<String> entries) {
		boolean listed = entries.stream()
			.map((entry) -> entry.trim().toLowerCase(Locale.ROOT))
			.anyMatch((entry) -> entry.equals(account.email().toLowerCase(Locale.ROOT))
					|| entry.equals(account.username().toLowerCase(Locale.ROOT)));
		if (listed && account.grantRole(ADMIN)) {
			record(account.id(), "granted", null, "configuration");
			this.audit.adminGranted(account.id(), null, "configuration");
		}
	}

	private boolean bootstrap(UUID id) {
		Account account = this.accounts.lock(id);
		if (!account.grantRole(ADMIN)) {
			return false;
		}
		record(id, "granted", null, "configuration");
		this.audit.adminGranted(id, null, "configuration");
		return true;
	}

	private @Nullable UUID verifiedAccountOf(String entry) {
		if (entry.isEmpty()) {
			return null;
		}
		String where = entry.contains("@") ? "lower(email) = ?" : "lower(username) = ?";
		return this.jdbc.sql("SELECT id FROM users WHERE email_verified AND " + where)
			.param(entry.toLowerCase(Locale.ROOT))
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	private void record(UUID userId, String change, @Nullable UUID by, String source) {
		this.jdbc
			.sql("INSERT INTO role_changes (user_id, role, change, changed_by, source, changed_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(userId, ADMIN, change, by, source, java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * An account with the ADMIN role.
	 *
	 * @param id the account id
	 * @param username its username
	 * @param email its email address
	 */
	public record Admin(UUID id, String username, String email) {
	}

}
