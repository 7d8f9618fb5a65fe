package dev.flux.security;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the {@link JwtDecoder} that accepts Flux access tokens and nothing else. Both
 * factories apply the same rules: the signature must be ES256 by a key of the given key
 * set ({@code alg:none}, HMAC and RSA are refused before any key is looked at), the
 * {@code typ} header must be {@code at+jwt} (or its media type
 * {@code application/at+jwt}), and the claims must pass the issuer, audience, expiry
 * (with the configured clock skew), subject and {@code token_type} checks. Every refusal
 * (high-s ES256 signatures included, see {@link LowSSignatures}) is a
 * {@code BadJwtException}; a key set that cannot be read is a plain {@code JwtException}.
 */
public final class FluxJwtDecoders {

	/** Milliseconds to connect to, and then to read from, the JWK Set URI. */
	static final int JWKS_TIMEOUT_MILLIS = 2_000;

	/** Largest JWK Set accepted, in bytes: a handful of keys fits many times over. */
	static final int JWKS_SIZE_LIMIT = 50 * 1024;

	/**
	 * How many accepted tokens a decoder remembers at most: 1.7 KiB of heap each
	 * (measured with 466-character tokens), so at most some 17 MiB.
	 */
	static final long REMEMBERED_TOKENS = 10_000;

	// Not Set.of(...): the verifier asks its set whether it contains null, which an
	// immutable set answers with a NullPointerException.
	private static final DefaultJOSEObjectTypeVerifier<SecurityContext> ACCESS_TOKEN_TYPE = new DefaultJOSEObjectTypeVerifier<>(
			new JOSEObjectType(FluxAccessToken.TYPE), new JOSEObjectType(FluxAccessToken.MEDIA_TYPE));

	private FluxJwtDecoders() {
	}

	/**
	 * A decoder that fetches the issuer's public keys from
	 * {@link FluxJwtProperties#effectiveJwkSetUri()}. Nothing is fetched until the first
	 * token arrives, so a service starts while auth-service is down. The key set is then
	 * cached for 5 minutes and fetched again early when a token names a key id the cache
	 * does not hold (a key rotation), at most twice every 30 seconds (past that, such a
	 * token is refused as invalid); while auth-service cannot be reached, the last key
	 * set it served keeps being used for up to 50 minutes.
	 */
	public static JwtDecoder fromJwkSetUri(FluxJwtProperties properties) {
		URL jwkSetUrl;
		try {
			jwkSetUrl = properties.effectiveJwkSetUri().toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("flux.security.jwt.jwk-set-uri is not a URL: " + ex.getMessage(), ex);
		}
		JWKSource<SecurityContext> keys = JWKSourceBuilder
			.<SecurityContext>create(jwkSetUrl,
					new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
			.refreshAheadCache(false)
			.retrying(true)
			.outageTolerant(true)
			.build();
		return fromJwkSource(unknownKeysAfterRateLimit(keys), properties);
	}

	/**
	 * A token naming a key id the issuer did not publish, once the refetches allowed for
	 * new key ids are spent, is a token signed by no key we know (401), not a key source
	 * that cannot be read (503): the source answered a moment ago.
	 */
	private static JWKSource<SecurityContext> unknownKeysAfterRateLimit(JWKSource<SecurityContext> keys) {
		return (selector, context) -> {
			try {
				return keys.get(selector, context);
			}
			catch (RateLimitReachedException ex) {
				return List.of();
			}
		};
	}

	/**
	 * A decoder that takes the public keys from the given source: auth-service passes its
	 * own key store, so it never calls itself over HTTP. Unless
	 * {@link FluxJwtProperties#rememberVerified()} is zero, it remembers that long (up to
	 * {@value #REMEMBERED_TOKENS} tokens) the tokens it accepted, so that a client's next
	 * calls with the same token skip the signature check; the time claims and the
	 * presence of the signing key in the source are checked again on every use (see
	 * {@link VerifiedTokens}).
	 */
	public static JwtDecoder fromJwkSource(JWKSource<SecurityContext> keys, FluxJwtProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(FluxAccessToken.ALGORITHM)
			// The typ header is checked before the signature, so a token of another kind
			// never makes the decoder fetch keys.
			.jwtProcessorCustomizer((processor) -> {
				processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPE);
				processor.setJWSVerifierFactory(LowSSignatures.verifiers());
			})
			.build();
		decoder.setJwtValidator(AccessTokenValidator.of(properties));
		if (properties.rememberVerified().isZero()) {
			return decoder;
		}
		return new VerifiedTokens(decoder, keys, AccessTokenValidator.timestamps(properties),
				properties.rememberVerified(), REMEMBERED_TOKENS);
	}

}
