package dev.flux.auth.verification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.flux.persistence.ReplaceableToken;

/**
 * An email verification token, by hash, for the address it was sent to: usable once,
 * until it expires or a newer one replaces it.
 */
@Entity
@Table(name = "email_verifications")
class EmailVerification extends ReplaceableToken {

	private String email;

	@Column(name = "changes_email")
	private boolean changesEmail;

	protected EmailVerification() {
		this.email = "";
	}

	EmailVerification(UUID userId, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
		this(userId, email, tokenHash, now, expiresAt, false);
	}

	/**
	 * A token that, when used, moves the account to {@code email} (enumeration-safe
	 * mode).
	 */
	EmailVerification(UUID userId, String email, byte[] tokenHash, Instant now, Instant expiresAt,
			boolean changesEmail) {
		super(userId, tokenHash, now, expiresAt);
		this.changesEmail = changesEmail;
		this.email = email;
	}

	String email() {
		return this.email;
	}

	boolean changesEmail() {
		return this.changesEmail;
	}

}
