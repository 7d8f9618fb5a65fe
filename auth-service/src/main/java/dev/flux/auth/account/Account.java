package dev.flux.auth.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;

/**
 * A user account, the aggregate behind every {@code user.*} event. {@code version} counts
 * its changes (1 at registration) and is the events' {@code aggregateVersion}; changes
 * are made under a row lock ({@link Accounts#lock}) so versions never repeat.
 */
@Entity
@Table(name = "users")
public class Account extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	private String username;

	private String email;

	@Column(name = "email_verified")
	private boolean emailVerified;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	private String roles;

	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Account() {
		this.id = new UUID(0, 0);
		this.username = "";
		this.email = "";
		this.roles = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Account(UUID id, String username, String email, @Nullable String passwordHash, boolean emailVerified,
			Instant now) {
		this.id = id;
		this.username = username;
		this.email = email;
		this.passwordHash = passwordHash;
		this.emailVerified = emailVerified;
		this.roles = "USER";
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static Account register(Username username, EmailAddress email, @Nullable String passwordHash, boolean emailVerified,
			Instant now) {
		return new Account(UUID.randomUUID(), username.value(), email.value(), passwordHash, emailVerified, now);
	}

	void rename(Username username, Instant now) {
		this.username = username.value();
		touch(now);
	}

	/** A new address starts unverified. */
	void changeEmail(EmailAddress email, Instant now) {
		this.email = email.value();
		this.emailVerified = false;
		touch(now);
	}

	/**
	 * Puts back an address the owner proved again by using the takeback link mailed to
	 * it.
	 */
	void restoreEmail(EmailAddress email, Instant now) {
		this.email = email.value();
		this.emailVerified = true;
		touch(now);
	}

	void verifyEmail(Instant now) {
		this.emailVerified = true;
		touch(now);
	}

	void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		touch(now);
	}

	/**
	 * Replaces the hash with a stronger encoding of the same password; not a change of
	 * the account.
	 */
	void upgradePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	private void touch(Instant now) {
		this.version++;
		this.updatedAt = now;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	public String email() {
		return this.email;
	}

	public boolean emailVerified() {
		return this.emailVerified;
	}

	public @Nullable String passwordHash() {
		return this.passwordHash;
	}

	/** Adds a role; false when the account already has it. Roles travel in no event. */
	public boolean grantRole(String role) {
		List<String> roles = roles();
		if (roles.contains(role)) {
			return false;
		}
		this.roles = String.join(" ",
				java.util.stream.Stream.concat(roles.stream(), java.util.stream.Stream.of(role)).toList());
		return true;
	}

	/** Removes a role; false when the account did not have it. */
	public boolean revokeRole(String role) {
		List<String> roles = roles();
		if (!roles.contains(role)) {
			return false;
		}
		this.roles = String.join(" ", roles.stream().filter((held) -> !held.equals(role)).toList());
		return true;
	}

	public List<String> roles() {
		return roles(this.roles);
	}

	/** The roles of the {@code roles} column: names separated by spaces or commas. */
	static List<String> roles(String column) {
		return Arrays.stream(column.split("[ ,]+")).filter((role) -> !role.isBlank()).toList();
	}

	public long version() {
		return this.version;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

}
