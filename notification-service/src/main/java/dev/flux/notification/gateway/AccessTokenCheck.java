package dev.flux.notification.gateway;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks an access token given over the socket with the same decoder (and rules) as the
 * HTTP API.
 */
@Component
class AccessTokenCheck {

	private final JwtDecoder decoder;

	AccessTokenCheck(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	/** The token's user, or null when the token is not a valid access token. */
	@Nullable Caller check(String token) {
		try {
			return Caller.of(this.decoder.decode(token));
		}
		catch (JwtException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * An authenticated user.
	 *
	 * @param userId the token's subject
	 * @param expiresAt when the token expires
	 */
	record Caller(UUID userId, Instant expiresAt) {

		static Caller of(Jwt jwt) {
			Instant expiresAt = jwt.getExpiresAt();
			return new Caller(UUID.fromString(jwt.getSubject()), (expiresAt != null) ? expiresAt : Instant.MAX);
		}

	}

}
