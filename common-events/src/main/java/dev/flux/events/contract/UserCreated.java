package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An account was registered; {@code emailVerified} is false until the owner confirms the
 * address.
 *
 * @param userId the new account's id
 * @param username the account's unique username
 * @param email the account's email address
 * @param emailVerified whether the email address is confirmed (true for OAuth accounts
 * whose provider vouches for it)
 */
@EventType("user.created")
public record UserCreated(UUID userId, String username, String email, boolean emailVerified) {

	public UserCreated {
		Objects.requireNonNull(userId, "userId is required");
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
	}

}
