package dev.flux.notification.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A notification as its owner sees it, over HTTP and the gateway.
 *
 * @param id the notification's id
 * @param type what kind of notification
 * @param title one line for a list
 * @param body the text
 * @param data what a client needs to act on it
 * @param createdAt when it happened
 * @param readAt when its owner marked it read; null while unread
 */
public record NotificationView(UUID id, String type, String title, String body, Map<String, String> data,
		Instant createdAt, @Nullable Instant readAt) {

	public boolean read() {
		return this.readAt != null;
	}

}
