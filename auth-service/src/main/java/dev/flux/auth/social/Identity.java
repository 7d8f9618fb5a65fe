package dev.flux.auth.social;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;

/** A provider identity, (provider, subject), that signs in to one account. */
@Entity
@Table(name = "oauth_providers")
class Identity extends AssignedIdEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	private String provider;

	@Column(name = "provider_id")
	private String subject;

	private @Nullable String email;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Identity() {
		this.id = new UUID(0, 0);
		this.userId = this.id;
		this.provider = "";
		this.subject = "";
		this.createdAt = Instant.EPOCH;
	}

	Identity(UUID userId, String provider, String subject, @Nullable String email, Instant now) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.provider = provider;
		this.subject = subject;
		this.email = email;
		this.createdAt = now;
	}

	/** Keeps the address the provider last reported, for the owner's list. */
	void seen(@Nullable String email) {
		if (email != null) {
			this.email = email;
		}
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID userId() {
		return this.userId;
	}

	String provider() {
		return this.provider;
	}

	String subject() {
		return this.subject;
	}

	@Nullable String email() {
		return this.email;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
