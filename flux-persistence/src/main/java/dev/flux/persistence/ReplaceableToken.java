package dev.flux.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SingleUseToken} of which only the user's newest works: issuing one sets
 * {@code invalidated_at} on the open ones (a bulk update of the repository, {@code set
 * t.invalidatedAt = :now where t.userId = :user and t.usedAt is null and t.invalidatedAt is
 * null}), so a leaked older email stops working.
 */
@MappedSuperclass
public abstract class ReplaceableToken extends SingleUseToken {

	@Column(name = "invalidated_at")
	private @Nullable Instant invalidatedAt;

	/** For JPA. */
	protected ReplaceableToken() {
	}

	/** A new token with a random id, usable until {@code expiresAt} or a newer one. */
	protected ReplaceableToken(UUID userId, byte[] tokenHash, Instant now, Instant expiresAt) {
		super(userId, tokenHash, now, expiresAt);
	}

	/** Whether it may be redeemed at {@code now}: not used, not expired, not replaced. */
	@Override
	public boolean isUsable(Instant now) {
		return this.invalidatedAt == null && super.isUsable(now);
	}

}
