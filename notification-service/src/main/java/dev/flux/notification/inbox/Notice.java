package dev.flux.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification one event gives one user. Its id is derived from the event, the user and
 * the type, so the inbox (which stores it) and every gateway (which pushes it) name it
 * alike, and a redelivered event makes the same notification again.
 *
 * @param id the notification's id
 * @param userId whose inbox it goes to
 * @param type what kind of notification: {@code welcome}, {@code password_changed}...
 * @param title one line for a list
 * @param body the text
 * @param data what a client needs to act on it
 * @param createdAt when the event occurred
 */
public record Notice(UUID id, UUID userId, String type, String title, String body, Map<String, String> data,
		Instant createdAt) {

	public Notice {
		data = Map.copyOf(data);
	}

	static Notice of(UUID eventId, UUID userId, String type, String title, String body, Map<String, String> data,
			Instant createdAt) {
		UUID id = UUID.nameUUIDFromBytes((eventId + "/" + userId + "/" + type).getBytes(StandardCharsets.UTF_8));
		return new Notice(id, userId, type, title, body, data, createdAt);
	}

	/**
	 * The account the notice names besides its owner (a friend request's sender, a
	 * message's author), null when none: erasing that account takes the notice with it.
	 */
	@Nullable UUID about() {
		String about = this.data.getOrDefault("userId", this.data.get("authorId"));
		return (about != null) ? UUID.fromString(about) : null;
	}

	/** As the API and the gateway show it: unread. */
	public NotificationView view() {
		return new NotificationView(this.id, this.type, this.title, this.body, this.data, this.createdAt, null);
	}

}
