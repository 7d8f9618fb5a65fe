package dev.flux.events.contract;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who a message mentions, as the chat-service checked them: part of {@code message.sent}
 * and {@code message.edited}.
 *
 * @param users the mentioned users
 * @param roles the ids of the mentioned roles
 * @param everyone whether @everyone was mentioned (only by an author with
 * MENTION_EVERYONE)
 */
public record Mentions(List<UUID> users, List<String> roles, boolean everyone) {

	public Mentions {
		users = List.copyOf(Objects.requireNonNull(users, "users is required"));
		roles = List.copyOf(Objects.requireNonNull(roles, "roles is required"));
	}

	/** No mention at all. */
	public static Mentions none() {
		return new Mentions(List.of(), List.of(), false);
	}

}
