package dev.flux.chat.web;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import dev.flux.chat.refusal.Refusal;

/** The user an access token speaks for: its {@code sub}, a user id. */
public final class SignedInUser {

	private SignedInUser() {
	}

	/**
	 * @throws Refusal 403 when {@code sub} is not a UUID (a token of no Flux user)
	 */
	public static UUID id(Jwt jwt) {
		try {
			return UUID.fromString(String.valueOf(jwt.getSubject()));
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.forbidden("not-a-user", "The access token's subject is not a Flux user id.");
		}
	}

}
