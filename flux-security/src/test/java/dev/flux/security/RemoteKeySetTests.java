package dev.flux.security;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a decoder from a JWK Set URI talks to auth-service: not before the first token,
 * once for many tokens, again for a key it has not seen, and not at all while its cache
 * holds the keys.
 */
class RemoteKeySetTests {

	private JwksServer auth;

	private TestTokens tokens;

	@BeforeEach
	void startIssuer() {
		this.auth = JwksServer.start();
		this.tokens = this.auth.newSigningKey();
	}

	@AfterEach
	void stopIssuer() {
		this.auth.close();
	}

	@Test
	void fetchesNoKeysBeforeTheFirstToken() {
		FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));

		assertThat(this.auth.requests()).isZero();
	}

	@Test
	void fetchesTheKeySetOnceForManyTokens() {
		JwtDecoder decoder = FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));

		for (int i = 0; i < 5; i++) {
			decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"));
		}

		assertThat(this.auth.requests()).isOne();
	}

	@Test
	void fetchesTheKeySetAgainForATokenOfANewKey() {
		JwtDecoder decoder = FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));
		decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"));

		TestTokens rotated = this.auth.newSigningKey();

		assertThat(decoder.decode(rotated.token().subject("after-rotation").sign()).getSubject())
			.isEqualTo("after-rotation");
		assertThat(this.auth.requests()).isEqualTo(2);
	}

	@Test
	void keepsVerifyingWithCachedKeysWhileTheIssuerIsDown() {
		JwtDecoder decoder = FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));
		decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"));

		this.auth.close();

		assertThat(decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"))).isNotNull();
	}

	@Test
	void reportsUnreachableKeysAsAFailureOfTheServerNotOfTheToken() {
		JwtDecoder decoder = FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));
		this.auth.close();

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER")))
			.isNotInstanceOf(BadJwtException.class);
	}

	@Test
	void refusesTokensOfUnknownKeysAsInvalidOnceTheRefetchesAreSpent() {
		JwtDecoder decoder = FluxJwtDecoders.fromJwkSetUri(FluxJwtProperties.forIssuer(this.auth.issuer()));
		decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"));

		for (int i = 0; i < 5; i++) {
			String forged = this.tokens.token().keyId("forged-" + i).sign();
			assertThatExceptionOfType(BadJwtException.class).as("forged token %d", i)
				.isThrownBy(() -> decoder.decode(forged));
		}
		assertThat(decoder.decode(this.tokens.accessToken(UUID.randomUUID(), "USER"))).isNotNull();
	}

}
