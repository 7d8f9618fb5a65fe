package dev.flux.auth.token;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;

/** A stored signing key: public JWK in clear, private JWK encrypted. */
@Entity
@Table(name = "signing_keys")
class SigningKey extends AssignedIdEntity<String> {

	@Id
	private String kid;

	private String algorithm;

	@Column(name = "public_jwk")
	private String publicJwk;

	@Column(name = "private_jwk")
	private byte[] privateJwk;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "retired_at")
	private @Nullable Instant retiredAt;

	@Column(name = "published_until")
	private @Nullable Instant publishedUntil;

	protected SigningKey() {
		this.kid = "";
		this.algorithm = "";
		this.publicJwk = "";
		this.privateJwk = new byte[0];
		this.createdAt = Instant.EPOCH;
	}

	SigningKey(String kid, String algorithm, String publicJwk, byte[] privateJwk, Instant createdAt) {
		this.kid = kid;
		this.algorithm = algorithm;
		this.publicJwk = publicJwk;
		this.privateJwk = privateJwk;
		this.createdAt = createdAt;
	}

	/** Stops signing with this key; it stays published until {@code publishedUntil}. */
	void retire(Instant now, Instant publishedUntil) {
		this.retiredAt = now;
		this.publishedUntil = publishedUntil;
	}

	String kid() {
		return this.kid;
	}

	String publicJwk() {
		return this.publicJwk;
	}

	byte[] privateJwk() {
		return this.privateJwk;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant retiredAt() {
		return this.retiredAt;
	}

	@Override
	public String getId() {
		return this.kid;
	}

}
