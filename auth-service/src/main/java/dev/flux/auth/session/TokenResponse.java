package dev.flux.auth.session;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The token pair a client receives after signing in or refreshing.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param refreshToken the opaque token that obtains the next pair, once
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until the access token expires
 * @param sessionId the session the pair belongs to (not serialized)
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
		@JsonIgnore UUID sessionId) {

	TokenResponse(String accessToken, String refreshToken, long expiresIn, UUID sessionId) {
		this(accessToken, refreshToken, "Bearer", expiresIn, sessionId);
	}

}
