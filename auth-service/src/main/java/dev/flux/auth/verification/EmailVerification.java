package dev.flux.auth.verification;

import java.time.Instant;
import java.util.UUID;

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

	protected EmailVerification() {
		this.email = "";
	}

	EmailVerification(UUID userId, String email, byte[] tokenHash, Instant now, Instant expiresAt) {
		super(userId, tokenHash, now, expiresAt);
		this.email = email;
	}

	String email() {
		return this.email;
	}

}
