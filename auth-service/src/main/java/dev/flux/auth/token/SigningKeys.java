package dev.flux.auth.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.audit.AuditLog;
import dev.flux.security.LowSSignatures;

/**
 * The ES256 signing keys of the auth-service, shared by all its instances through the
 * database. New tokens are signed with the newest active key; rotation adds a key and
 * retires the previous one, which stays in the JWKS until every token it signed has
 * expired. Each instance caches the keys for {@link #CACHE_TTL} and reloads when asked
 * for a key id it does not know (at most once per {@link #UNKNOWN_KID_RELOAD}), so a key
 * another instance just created verifies within a second.
 */
public class SigningKeys {

	static final Duration CACHE_TTL = Duration.ofSeconds(30);

	/**
	 * How long after a load a token naming an unknown key id may make this instance load
	 * the keys again. A key another instance has just created verifies here within it; a
	 * flood of tokens with made-up key ids costs at most one load per interval (a query,
	 * and decrypting the active key), instead of one per request.
	 */
	static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(1);

	/**
	 * How long past its last token's expiry a retired key stays published (clock skew).
	 */
	static final Duration PUBLISH_MARGIN = Duration.ofMinutes(1);

	private static final long ROTATION_LOCK = 0x466c757841757468L;

	private final SigningKeyRepository repository;

	private final KeyCipher cipher;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final AuthProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private volatile @Nullable Snapshot snapshot;

	SigningKeys(SigningKeyRepository repository, KeyCipher cipher, TransactionTemplate transactions, JdbcClient jdbc,
			AuthProperties properties, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.cipher = cipher;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The key new access tokens are signed with (private part included). */
	ECKey signingKey() {
		return activeKey().key();
	}

	/** The key new access tokens are signed with, and its signer. */
	ActiveKey activeKey() {
		ActiveKey active = snapshot(false).active();
		if (active == null) {
			rotateIfDue();
			active = snapshot(true).active();
		}
		if (active == null) {
			throw new IllegalStateException("No active signing key");
		}
		return active;
	}

	/** The public keys whose tokens may still be live, as served at the JWKS endpoint. */
	public JWKSet publishedKeys() {
		return snapshot(false).published();
	}

	/** The published keys as a Nimbus source for local token verification. */
	public JWKSource<SecurityContext> verificationKeys() {
		return (selector, context) -> select(selector);
	}

	/**
	 * The keys the selector asks for; a key id this instance does not know makes it load
	 * the keys again, unless it loaded them less than {@link #UNKNOWN_KID_RELOAD} ago.
	 */
	private List<JWK> select(JWKSelector selector) {
		Snapshot current = snapshot(false);
		List<JWK> found = selector.select(current.published());
		if (found.isEmpty() && current.loadedAt().plus(UNKNOWN_KID_RELOAD).isBefore(this.clock.instant())) {
			found = selector.select(snapshot(true).published());
		}
		return found;
	}

	/**
	 * Adds a new key and retires the active one, whatever its age. Safe with several
	 * instances: rotations are serialized by a database lock.
	 * @return the id of the new key
	 */
	public String rotate() {
		String kid = this.transactions.execute((status) -> {
			lock();
			return rotateLocked();
		});
		this.snapshot = null;
		return kid;
	}

	/** Rotates when there is no active key or it is older than the rotation interval. */
	public Optional<String> rotateIfDue() {
		Optional<String> rotated = this.transactions.execute((status) -> {
			lock();
			Instant dueBefore = this.clock.instant().minus(this.properties.keys().rotationInterval());
			boolean due = this.repository.findActive().stream().allMatch((key) -> key.createdAt().isBefore(dueBefore));
			return due ? Optional.of(rotateLocked()) : Optional.<String>empty();
		});
		if (rotated.isPresent()) {
			this.snapshot = null;
		}
		return rotated;
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
	}

	private String rotateLocked() {
		Instant now = this.clock.instant();
		Instant publishedUntil = now.plus(this.properties.accessTokenTtl()).plus(PUBLISH_MARGIN);
		List<SigningKey> retiring = this.repository.findActive();
		retiring.forEach((key) -> key.retire(now, publishedUntil));
		String kid = UUID.randomUUID().toString();
		ECKey key = generate(kid);
		this.repository.save(new SigningKey(kid, JWSAlgorithm.ES256.getName(), key.toPublicJWK().toJSONString(),
				this.cipher.encrypt(key.toJSONString(), kid), now));
		this.audit.signingKeyRotated(kid, retiring.isEmpty() ? null : retiring.get(0).kid());
		return kid;
	}

	static ECKey generate(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a P-256 key", ex);
		}
	}

	private Snapshot snapshot(boolean reload) {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (reload || current == null || current.loadedAt().plus(CACHE_TTL).isBefore(now)) {
			current = load(now);
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot load(Instant now) {
		List<SigningKey> keys = this.repository.findPublished(now);
		List<JWK> published = new ArrayList<>();
		ActiveKey active = null;
		for (SigningKey key : keys) {
			published.add(parse(key.publicJwk(), key.kid()));
			if (active == null && key.retiredAt() == null) {
				active = ActiveKey.of((ECKey) parse(this.cipher.decrypt(key.privateJwk(), key.kid()), key.kid()));
			}
		}
		return new Snapshot(active, new JWKSet(published), now);
	}

	private static JWK parse(String json, String kid) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored key " + kid + " is not a JWK", ex);
		}
	}

	private record Snapshot(@Nullable ActiveKey active, JWKSet published, Instant loadedAt) {
	}

	/**
	 * A signing key and its (thread-safe) signer, made once per load: making a signer
	 * converts the JWK into a JCA private key, which every sign-in used to pay for.
	 */
	record ActiveKey(ECKey key, JWSSigner signer) {

		static ActiveKey of(ECKey key) {
			try {
				return new ActiveKey(key, LowSSignatures.signer(new ECDSASigner(key)));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Key " + key.getKeyID() + " cannot sign", ex);
			}
		}

	}

}
