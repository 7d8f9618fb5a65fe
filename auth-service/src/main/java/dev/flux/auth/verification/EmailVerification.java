package dev.flux.auth.verification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * An email verification token, by hash, for the address it was sent to: usable once,
 * until it expires or a newer one replaces it.
 */
@Entity
@Table(name = "email_verifications")
class EmailVerification implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	private String email;

	@Column(name = "token_hash")
	private byte[] tokenHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	@Column(name = "changes_email")
	private boolean changesEmail;

	@Column(name = "invalidated_at")
	private @Nullable Instant invalidatedAt;

	@Transient
	private boolean fresh;

	protected EmailVerification() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.email = "";
		this.tokenHash = new byte[0];
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
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
		this.id = UUID.randomUUID();
		this.changesEmail = changesEmail;
		this.userId = userId;
		this.email = email;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
		this.fresh = true;
	}

	boolean isUsable(Instant now) {
		return this.usedAt == null && this.invalidatedAt == null && now.isBefore(this.expiresAt);
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	String email() {
		return this.email;
	}

	boolean changesEmail() {
		return this.changesEmail;
	}

	UUID userId() {
		return this.userId;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	@Override
	public boolean isNew() {
		return this.fresh;
	}

	@PostLoad
	@PostPersist
	void stored() {
		this.fresh = false;
	}

}
