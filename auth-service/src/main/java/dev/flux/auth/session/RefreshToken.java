package dev.flux.auth.session;

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

/** A refresh token of a session, by hash; rotated once it has been exchanged. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken implements Persistable<UUID> {

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

	@Transient
	private boolean fresh;

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
		this.fresh = true;
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
