package dev.flux.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One sign-in on one device: a family of refresh tokens, each replacing the last. */
@Entity
@Table(name = "sessions")
class Session {

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

	protected Session() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.createdAt = Instant.EPOCH;
		this.lastUsedAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
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

	UUID getId() {
		return this.id;
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
