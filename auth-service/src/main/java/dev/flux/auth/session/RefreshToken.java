package dev.flux.auth.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;

/** A refresh token of a session, by hash; rotated once it has been exchanged. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "session_id")
	private UUID sessionId;

	@Column(name = "token_hash")
	private byte[] tokenHash;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "rotated_at")
	private @Nullable Instant rotatedAt;

	protected RefreshToken() {
		this.id = new UUID(0, 0);
		this.sessionId = this.id;
		this.tokenHash = new byte[0];
		this.createdAt = Instant.EPOCH;
	}

	RefreshToken(UUID sessionId, byte[] tokenHash, Instant now) {
		this.id = UUID.randomUUID();
		this.sessionId = sessionId;
		this.tokenHash = tokenHash;
		this.createdAt = now;
	}

	boolean isRotated() {
		return this.rotatedAt != null;
	}

	void rotate(Instant now) {
		this.rotatedAt = now;
	}

	UUID sessionId() {
		return this.sessionId;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

}
