package dev.flux.security;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a Flux access token must be to be accepted, checked the same way whether the keys
 * come from auth-service's JWK Set over HTTP or from a key source in the process.
 */
@ParameterizedClass(name = "keys {0}")
@EnumSource(AccessTokenValidationTests.Keys.class)
class AccessTokenValidationTests {

	private static final String ANOTHER_ALGORITHM = "Another algorithm expected";

	@Parameter
	Keys keys;

	private JwksServer auth;

	private TestTokens tokens;

	private JwtDecoder decoder;

	@BeforeEach
	void startIssuer() {
		this.auth = JwksServer.start();
		this.tokens = this.auth.newSigningKey();
		this.decoder = this.keys.decoder(this.auth, new FluxJwtProperties(this.auth.issuer(), "flux",
				this.auth.jwkSetUri(), Duration.ofSeconds(30), Duration.ofMinutes(1)));
	}

	@AfterEach
	void stopIssuer() {
		this.auth.close();
	}

	@Test
	void acceptsAWellFormedAccessToken() {
		UUID userId = UUID.randomUUID();

		Jwt jwt = this.decoder.decode(this.tokens.accessToken(userId, "USER", "ADMIN"));

		assertThat(jwt.getSubject()).isEqualTo(userId.toString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
		assertThat(jwt.getAudience()).containsExactly("flux");
		assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsEntry("typ", "at+jwt");
	}

	@Test
	void acceptsTheAudienceAsAnArrayThatContainsFlux() {
		assertThat(this.decoder.decode(this.tokens.token().audience("billing", "flux").sign()).getAudience())
			.containsExactly("billing", "flux");
	}

	@Test
	void acceptsTheTypeWrittenAsAMediaType() {
		assertThat(this.decoder.decode(this.tokens.token().type("application/at+jwt").sign())).isNotNull();
	}

	@Test
	void acceptsTokensExpiredWithinTheClockSkew() {
		assertThat(this.decoder.decode(this.tokens.token().expiresAt(Instant.now().minusSeconds(10)).sign()))
			.isNotNull();
	}

	@Test
	void acceptsTokensOfBothKeysDuringARotation() {
		TestTokens next = this.auth.newSigningKey();

		assertThat(this.decoder.decode(this.tokens.token().subject("old").sign()).getSubject()).isEqualTo("old");
		assertThat(this.decoder.decode(next.token().subject("new").sign()).getSubject()).isEqualTo("new");
	}

	@Test
	void refusesUnsignedTokens() {
		refuses(this.tokens.token().unsigned(), "Unsupported algorithm");
	}

	@Test
	void refusesHmacSignedWithThePublicKey() throws JOSEException {
		byte[] derKey = this.tokens.publicKey().toECPublicKey().getEncoded();
		byte[] jwkKey = this.tokens.publicKey().toJSONString().getBytes();

		refuses(this.tokens.token().sign(JWSAlgorithm.HS256, new MACSigner(derKey)), ANOTHER_ALGORITHM);
		refuses(this.tokens.token().sign(JWSAlgorithm.HS256, new MACSigner(jwkKey)), ANOTHER_ALGORITHM);
	}

	@Test
	void refusesRsaSignaturesEvenByAPublishedKey() throws JOSEException {
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate();
		this.auth.publish(rsa);

		refuses(this.tokens.token().keyId(rsa.getKeyID()).sign(JWSAlgorithm.RS256, new RSASSASigner(rsa)),
				ANOTHER_ALGORITHM);
	}

	@Test
	void refusesTokensSignedByAKeyThatIsNotPublished() {
		refuses(TestTokens.generate(this.auth.issuer()).token().sign(), "no matching key");
	}

	@Test
	void refusesAForeignSignatureUnderAPublishedKeyId() {
		refuses(TestTokens.generate(this.auth.issuer()).token().keyId(this.tokens.keyId()).sign(), "Invalid signature");
	}

	@Test
	void refusesAnotherIssuer() {
		refuses(this.tokens.token().issuer("https://auth.example.org").sign(), "iss");
		refuses(this.tokens.token().issuer(this.auth.issuer() + "/").sign(), "iss");
		refuses(this.tokens.token().claim("iss", null).sign(), "iss");
	}

	@Test
	void refusesAnotherAudience() {
		refuses(this.tokens.token().audience("billing").sign(), "aud");
		refuses(this.tokens.token().audience("billing", "reports").sign(), "aud");
		refuses(this.tokens.token().claim("aud", null).sign(), "aud");
	}

	@Test
	void refusesTokensExpiredBeyondTheClockSkew() {
		refuses(this.tokens.token().expiresAt(Instant.now().minusSeconds(60)).sign(), "Jwt expired");
	}

	@Test
	void refusesTokensWithoutExpiry() {
		refuses(this.tokens.token().claim("exp", null).sign(), "exp is required");
	}

	@Test
	void refusesTokensNotValidYet() {
		refuses(this.tokens.token().notBefore(Instant.now().plusSeconds(300)).sign(), "Jwt used before");
	}

	@Test
	void refusesTokensOfAnotherJoseType() {
		refuses(this.tokens.token().type(null).sign(), "typ");
		refuses(this.tokens.token().type("JWT").sign(), "typ");
		refuses(this.tokens.token().type("refresh+jwt").sign(), "typ");
	}

	@Test
	void refusesTokensThatAreNotAccessTokens() {
		refuses(this.tokens.token().tokenType("refresh").sign(), "token_type");
		refuses(this.tokens.token().tokenType("verification").sign(), "token_type");
		refuses(this.tokens.token().tokenType(null).sign(), "token_type");
	}

	@Test
	void refusesTokensWithoutSubject() {
		refuses(this.tokens.token().claim("sub", null).sign(), "sub");
		refuses(this.tokens.token().subject(" ").sign(), "sub");
	}

	@Test
	void refusesOpaqueTokens() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);

		refuses(Base64.getUrlEncoder().withoutPadding().encodeToString(random), "Malformed token");
		refuses("not.a.jwt", "Malformed token");
		refuses("", "Malformed token");
	}

	@Test
	void refusesTheHighSTwinOfAValidSignature() {
		// ECDSA's (r, n - s) verifies like (r, s): a second string for one token, which
		// anything keyed on the token string (the remembered tokens) would take as new.
		for (int i = 0; i < 4; i++) {
			String token = this.tokens.accessToken(UUID.randomUUID(), "USER");
			String lowS = withS(token, false);
			String highS = withS(token, true);

			assertThat(this.decoder.decode(lowS).getSubject()).isNotBlank();
			refuses(highS, "Invalid signature");
		}
	}

	/** The token with its signature's s replaced by the low (s <= n/2) or high form. */
	private static String withS(String token, boolean high) {
		BigInteger order = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
		int dot = token.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
		boolean isHigh = s.compareTo(order.shiftRight(1)) > 0;
		if (isHigh != high) {
			byte[] twin = order.subtract(s).toByteArray();
			byte[] fixed = new byte[32];
			int length = Math.min(twin.length, 32);
			System.arraycopy(twin, twin.length - length, fixed, 32 - length, length);
			System.arraycopy(fixed, 0, signature, 32, 32);
		}
		return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

	/** Refused as a bad token (a 401, not a 503), for the reason the message names. */
	private void refuses(String token, String reason) {
		assertThatExceptionOfType(BadJwtException.class).as(token)
			.isThrownBy(() -> this.decoder.decode(token))
			.withMessageContaining(reason);
	}

	/** Where the decoder under test gets its keys. */
	enum Keys {

		/** From {@link JwksServer} over HTTP, as user- and notification-service do. */
		FROM_JWK_SET_URI {
			@Override
			JwtDecoder decoder(JwksServer auth, FluxJwtProperties properties) {
				return FluxJwtDecoders.fromJwkSetUri(properties);
			}
		},

		/** From a key source in the process, as auth-service does with its own keys. */
		FROM_JWK_SOURCE {
			@Override
			JwtDecoder decoder(JwksServer auth, FluxJwtProperties properties) {
				JWKSource<SecurityContext> keys = (selector, context) -> selector.select(auth.jwkSet());
				return FluxJwtDecoders.fromJwkSource(keys, properties);
			}
		};

		abstract JwtDecoder decoder(JwksServer auth, FluxJwtProperties properties);

	}

}
