package dev.flux.events.contract;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An account's username, email or verification state changed; {@code changedFields} says
 * which, the other fields carry the account's full current values.
 *
 * @param userId the account's id
 * @param changedFields the names of the changed fields: {@code username}, {@code email},
 * {@code emailVerified}; never empty
 * @param username the current username
 * @param email the current email address
 * @param emailVerified whether the current email address is confirmed
 */
@EventType("user.updated")
public record UserUpdated(UUID userId, Set<String> changedFields, String username, String email,
		boolean emailVerified) {

	static final Set<String> FIELDS = Set.of("username", "email", "emailVerified");

	public UserUpdated {
		Objects.requireNonNull(userId, "userId is required");
		changedFields = ChangedFields.of(changedFields, FIELDS);
		Objects.requireNonNull(username, "username is required");
		Objects.requireNonNull(email, "email is required");
	}

}
