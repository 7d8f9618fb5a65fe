package dev.flux.auth.password;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.flux.persistence.ReplaceableToken;

/**
 * A password reset token, by hash: usable once, until it expires or a newer one replaces
 * it.
 */
@Entity
@Table(name = "password_resets")
class PasswordReset extends ReplaceableToken {

	protected PasswordReset() {
	}

	PasswordReset(UUID userId, byte[] tokenHash, Instant now, Instant expiresAt) {
		super(userId, tokenHash, now, expiresAt);
	}

}
