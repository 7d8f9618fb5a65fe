package dev.flux.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.flux.auth.AuthProperties;
import dev.flux.security.FluxAccessToken;

/**
 * Issues access tokens: ES256 JWTs with {@code typ: at+jwt} (RFC 9068) and {@code kid},
 * and the claims {@code iss}, {@code aud}, {@code sub} (user id), {@code exp},
 * {@code iat}, {@code jti}, {@code roles}, {@code sid} (session) and
 * {@code token_type: access}.
 */
public class AccessTokens {

	static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType(FluxAccessToken.TYPE);

	private final SigningKeys keys;

	private final AuthProperties properties;

	private final Clock clock;

	AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/** A signed access token for a user's session. */
	public IssuedAccessToken issue(UUID userId, Collection<String> roles, UUID sessionId) {
		return sign(this.keys.activeKey(), userId, roles, sessionId);
	}

	private IssuedAccessToken sign(SigningKeys.ActiveKey key, UUID userId, Collection<String> roles, UUID sessionId) {
		Instant now = this.clock.instant();
		Duration ttl = this.properties.accessTokenTtl();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
			.audience(this.properties.audience())
			.subject(userId.toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.claim(FluxAccessToken.ROLES_CLAIM, List.copyOf(roles))
			.claim("sid", sessionId.toString())
			.claim(FluxAccessToken.TOKEN_TYPE_CLAIM, FluxAccessToken.ACCESS)
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.key().getKeyID())
			.type(ACCESS_TOKEN_TYPE)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token with key " + key.key().getKeyID(), ex);
		}
		return new IssuedAccessToken(jwt.serialize(), ttl.toSeconds());
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn seconds until it expires
	 */
	public record IssuedAccessToken(String value, long expiresIn) {
	}

}
