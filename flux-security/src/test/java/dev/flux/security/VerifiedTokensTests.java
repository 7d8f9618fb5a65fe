package dev.flux.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What remembering accepted tokens may skip (the signature check) and what it checks
 * again on every use (time claims, the signing key still being published).
 */
class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private static final String KID = "key-1";

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final List<JWK> published = new CopyOnWriteArrayList<>(List.of(key()));

	private volatile boolean keysReachable = true;

	private final JWKSource<SecurityContext> keys = (selector, context) -> {
		if (!this.keysReachable) {
			throw new KeySourceException("the key set cannot be fetched");
		}
		return selector.select(new JWKSet(this.published));
	};

	/**
	 * A stand-in for the Nimbus decoder: accepts a token while its key is published and
	 * the key set can be read.
	 */
	private final JwtDecoder verifying = (token) -> {
		this.signatureChecks.incrementAndGet();
		if (!this.keysReachable) {
			throw new JwtException("the key set cannot be fetched");
		}
		if (this.published.isEmpty()) {
			throw new BadJwtException("no matching key");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.header("kid", KID)
			.subject("user")
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5)))
			.build();
	};

	@Test
	void checksATokensSignatureOnceWhileItIsRemembered() {
		VerifiedTokens tokens = rememberingAt(NOW);

		Jwt first = tokens.decode("token-a");
		Jwt again = tokens.decode("token-a");
		tokens.decode("token-b");

		assertThat(again).isSameAs(first);
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void refusesARememberedTokenOnceItHasExpired() {
		VerifiedTokens later = rememberingAt(NOW.plus(Duration.ofMinutes(6)));
		later.decode("token-a");

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> later.decode("token-a"));
	}

	@Test
	void refusesARememberedTokenOnceItsKeyIsWithdrawn() {
		VerifiedTokens tokens = rememberingAt(NOW);
		tokens.decode("token-a");

		this.published.clear();

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("token-a"));
		assertThat(this.signatureChecks).as("the decoder answered").hasValue(2);
	}

	@Test
	void leavesAKeySourceThatCannotAnswerToTheDecoder() {
		VerifiedTokens tokens = rememberingAt(NOW);
		tokens.decode("token-a");

		this.keysReachable = false;

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode("token-a"))
			.isNotInstanceOf(BadJwtException.class)
			.withMessage("the key set cannot be fetched");
		assertThat(this.signatureChecks).hasValue(2);
	}

	private VerifiedTokens rememberingAt(Instant now) {
		return new VerifiedTokens(this.verifying, this.keys, timestampsAt(now), Duration.ofMinutes(1), 100);
	}

	private static JWK key() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(KID).generate().toPublicJWK();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JwtTimestampValidator timestampsAt(Instant now) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
		return timestamps;
	}

}
