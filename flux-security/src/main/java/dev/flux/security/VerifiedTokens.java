package dev.flux.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers access tokens whose ES256 signature flux-security's decoder verified, for a
 * short while, so that a client's next calls with the same token skip the signature check
 * (about half a millisecond of CPU each, the largest cost of a profile read). Issuer,
 * audience and type cannot change for the same token string; its time claims
 * ({@code exp}, {@code nbf}) are checked again on every use, so an expired token is
 * refused at once. A withdrawn signing key's tokens stay accepted for at most
 * {@code ttl}, within the 5 minutes the decoder already caches the issuer's key set.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> timestamps;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> timestamps, Duration ttl, long maximumSize) {
		this.decoder = decoder;
		this.timestamps = timestamps;
		this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = this.decoder.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.timestamps.validate(known);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException("The access token is not valid", result.getErrors());
		}
		return known;
	}

}
