package dev.flux.security;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
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
 * is a {@code BadJwtException}; a key set that cannot be read is a plain
 * {@code JwtException}.
 */
public final class FluxJwtDecoders {

	/** Milliseconds to connect to, and then to read from, the JWK Set URI. */
	static final int JWKS_TIMEOUT_MILLIS = 2_000;

	/** Largest JWK Set accepted, in bytes: a handful of keys fits many times over. */
	static final int JWKS_SIZE_LIMIT = 50 * 1024;

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
	 * does not hold (a key rotation), at most twice every 30 seconds; while auth-service
	 * cannot be reached, the last key set it served keeps being used for up to 50
	 * minutes.
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
		return fromJwkSource(keys, properties);
	}

	/**
	 * A decoder that takes the public keys from the given source: auth-service passes its
	 * own key store, so it never calls itself over HTTP.
	 */
	public static JwtDecoder fromJwkSource(JWKSource<SecurityContext> keys, FluxJwtProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(FluxAccessToken.ALGORITHM)
			// The typ header is checked before the signature, so a token of another kind
			// never makes the decoder fetch keys.
			.jwtProcessorCustomizer((processor) -> processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPE))
			.build();
		decoder.setJwtValidator(AccessTokenValidator.of(properties));
		return decoder;
	}

	/**
	 * {@code decoder}, remembering for {@code ttl} (up to {@code maximumSize} tokens) the
	 * tokens whose signature and claims it accepted, so that a client's next calls with
	 * the same token skip the signature check; the time claims are checked again on every
	 * use. See {@link VerifiedTokens} for what this trades.
	 */
	public static JwtDecoder rememberingVerified(JwtDecoder decoder, FluxJwtProperties properties, Duration ttl,
			long maximumSize) {
		return new VerifiedTokens(decoder, AccessTokenValidator.timestamps(properties), ttl, maximumSize);
	}

}
