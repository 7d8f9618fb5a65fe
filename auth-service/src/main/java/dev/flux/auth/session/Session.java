package dev.flux.auth.session;

import java.time.Duration;
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

/** One sign-in on one device: a family of refresh tokens, each replacing the last. */
@Entity
@Table(name = "sessions")
class Session implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	@Column(name = "user_agent")
	private @Nullable String userAgent;

	@Column(name = "ip_address")
	private @Nullable String ipAddress;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "revoke_reason")
	private @Nullable String revokeReason;

	@Transient
	private boolean fresh;

	protected Session() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.createdAt = Instant.EPOCH;
		this.lastUsedAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	Session(UUID userId, @Nullable String userAgent, @Nullable String ipAddress, Instant now, Duration absoluteTtl) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.userAgent = userAgent;
		this.ipAddress = ipAddress;
		this.createdAt = now;
		this.lastUsedAt = now;
		this.expiresAt = now.plus(absoluteTtl);
		this.fresh = true;
	}

	boolean isActive(Instant now, Duration idleTtl) {
		return this.revokedAt == null && now.isBefore(this.expiresAt) && now.isBefore(this.lastUsedAt.plus(idleTtl));
	}

	void used(Instant now, @Nullable String ipAddress, @Nullable String userAgent) {
		this.lastUsedAt = now;
		this.ipAddress = ipAddress;
		if (userAgent != null) {
			this.userAgent = userAgent;
		}
	}

	void revoke(Instant now, String reason) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokeReason = reason;
		}
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

	UUID userId() {
		return this.userId;
	}

	@Nullable String userAgent() {
		return this.userAgent;
	}

	@Nullable String ipAddress() {
		return this.ipAddress;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant lastUsedAt() {
		return this.lastUsedAt;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

}
