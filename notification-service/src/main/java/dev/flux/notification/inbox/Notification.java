package dev.flux.notification.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A stored notification of one user. */
@Entity
@Table(name = "notifications")
class Notification {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Id
	private UUID id;

	@Column(name = "user_id")
	private UUID userId;

	private String type;

	private String title;

	private String body;

	private String data;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "read_at")
	private @Nullable Instant readAt;

	@SuppressWarnings("NullAway.Init")
	protected Notification() {
	}

	Notification(Notice notice) {
		this.id = notice.id();
		this.userId = notice.userId();
		this.type = notice.type();
		this.title = notice.title();
		this.body = notice.body();
		this.data = JSON.writeValueAsString(notice.data());
		this.createdAt = notice.createdAt();
	}

	boolean markRead(Instant now) {
		if (this.readAt != null) {
			return false;
		}
		this.readAt = now;
		return true;
	}

	NotificationView view() {
		Map<String, String> values = JSON.readValue(this.data, new TypeReference<Map<String, String>>() {
		});
		return new NotificationView(this.id, this.type, this.title, this.body, values, this.createdAt, this.readAt);
	}

}
