package dev.flux.auth.social;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A one-time secret of the browser flow, stored as its hash: a link ticket, a sign-in
 * code or a link code (see {@link Purpose}). Short lived and used once.
 */
@Entity
@Table(name = "oauth_codes")
class OneTimeCode implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "code_hash")
	private byte[] codeHash;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	@Column(name = "user_id")
	private UUID userId;

	private String provider;

	@Column(name = "provider_id")
	private @Nullable String subject;

	private @Nullable String email;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	@Column(name = "session_id")
	private @Nullable UUID sessionId;

	@Transient
	private boolean fresh;

	protected OneTimeCode() {
		this.id = new UUID(0, 0);
		this.codeHash = new byte[0];
		this.purpose = Purpose.SIGN_IN;
		this.userId = this.id;
		this.provider = "";
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	OneTimeCode(byte[] codeHash, Purpose purpose, UUID userId, String provider, @Nullable String subject,
			@Nullable String email, Instant now, Duration ttl) {
		this.id = UUID.randomUUID();
		this.codeHash = codeHash;
		this.purpose = purpose;
		this.userId = userId;
		this.provider = provider;
		this.subject = subject;
		this.email = email;
		this.createdAt = now;
		this.expiresAt = now.plus(ttl);
		this.fresh = true;
	}

	boolean isUsable(Purpose expected, Instant now) {
		return this.purpose == expected && this.usedAt == null && now.isBefore(this.expiresAt);
	}

	boolean isUsed() {
		return this.usedAt != null;
	}

	void use(Instant now) {
		this.usedAt = now;
	}

	void opened(UUID sessionId) {
		this.sessionId = sessionId;
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

	Purpose purpose() {
		return this.purpose;
	}

	UUID userId() {
		return this.userId;
	}

	String provider() {
		return this.provider;
	}

	@Nullable String subject() {
		return this.subject;
	}

	@Nullable String email() {
		return this.email;
	}

	@Nullable UUID sessionId() {
		return this.sessionId;
	}

	/** What a code is good for, stored by name. */
	enum Purpose {

		/** Starts a provider flow that links to the account that asked for it. */
		LINK_TICKET,

		/** Exchanged for a token pair after a social sign-in. */
		SIGN_IN,

		/** Completes a linking flow, redeemed by the account it is for. */
		LINK

	}

}
