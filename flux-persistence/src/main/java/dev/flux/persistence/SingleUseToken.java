package dev.flux.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * A secret handed to a user once (by email, in a redirect) and stored only as its hash:
 * it belongs to a user, works once and expires. The table has columns {@code id},
 * {@code user_id}, {@code token_hash} (rename with {@code @AttributeOverride} on
 * {@code tokenHash}), {@code created_at}, {@code expires_at} and {@code used_at}. Find it
 * by hash with a pessimistic lock so that two redemptions cannot both succeed.
 */
@MappedSuperclass
public abstract class SingleUseToken extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "token_hash")
	private byte[] tokenHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	/** For JPA. */
	protected SingleUseToken() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.tokenHash = new byte[0];
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	/** A new token with a random id, usable until {@code expiresAt}. */
	protected SingleUseToken(UUID userId, byte[] tokenHash, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/** The user the token is for. */
	public UUID userId() {
		return this.userId;
	}

	/** Whether it may be redeemed at {@code now}: not used yet and not expired. */
	public boolean isUsable(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

	public boolean isUsed() {
		return this.usedAt != null;
	}

	/** Redeems it: it is no longer usable. */
	public void use(Instant now) {
		this.usedAt = now;
	}

}
