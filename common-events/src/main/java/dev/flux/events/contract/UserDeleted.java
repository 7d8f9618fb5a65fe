package dev.flux.events.contract;

import java.util.Objects;
import java.util.UUID;

import dev.flux.events.EventType;

/**
 * An account was deleted; consumers remove or anonymise everything they hold for it.
 *
 * @param userId the deleted account's id
 */
@EventType("user.deleted")
public record UserDeleted(UUID userId) {

	public UserDeleted {
		Objects.requireNonNull(userId, "userId is required");
	}

}
