package dev.flux.auth.social;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.SingleUseToken;

/**
 * A one-time secret of the browser flow, stored as its hash: a link ticket, a sign-in
 * code or a link code (see {@link Purpose}). Short lived and used once.
 */
@Entity
@Table(name = "oauth_codes")
@AttributeOverride(name = "tokenHash", column = @Column(name = "code_hash"))
class OneTimeCode extends SingleUseToken {

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private String provider;

	@Column(name = "provider_id")
	private @Nullable String subject;

	private @Nullable String email;

	@Column(name = "session_id")
	private @Nullable UUID sessionId;

	protected OneTimeCode() {
		this.purpose = Purpose.SIGN_IN;
		this.provider = "";
	}

	OneTimeCode(byte[] codeHash, Purpose purpose, UUID userId, String provider, @Nullable String subject,
			@Nullable String email, Instant now, Duration ttl) {
		super(userId, codeHash, now, now.plus(ttl));
		this.purpose = purpose;
		this.provider = provider;
		this.subject = subject;
		this.email = email;
	}

	boolean isUsable(Purpose expected, Instant now) {
		return this.purpose == expected && isUsable(now);
	}

	void opened(UUID sessionId) {
		this.sessionId = sessionId;
	}

	Purpose purpose() {
		return this.purpose;
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
