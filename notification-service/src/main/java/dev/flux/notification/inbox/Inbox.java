package dev.flux.notification.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox of every user: notifications are added from events (once per event, in the
 * consumer's transaction) and read and marked read by their owner only.
 */
@Service
public class Inbox {

	/** How many notifications the gateway's snapshot carries. */
	public static final int SNAPSHOT_SIZE = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final NotificationRepository notifications;

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(NotificationRepository notifications, JdbcClient jdbc, Clock clock) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds a notification unless one with its id is already there, or its owner or the
	 * account it names is deleted.
	 */
	@Transactional
	public void add(Notice notice) {
		this.jdbc.sql("""
				INSERT INTO notifications (id, user_id, type, title, body, data, created_at, about_user_id)
				SELECT :id, :owner, :type, :title, :body, :data, :createdAt, :about::uuid
				WHERE flux_storable(:owner) AND (:about::uuid IS NULL OR flux_storable(:about::uuid))
				ON CONFLICT (id) DO NOTHING
				""")
			.param("id", notice.id())
			.param("owner", notice.userId())
			.param("type", notice.type())
			.param("title", notice.title())
			.param("body", notice.body())
			.param("data", JSON.writeValueAsString(notice.data()))
			.param("createdAt", Timestamp.from(notice.createdAt()))
			.param("about", notice.about())
			.update();
	}

	@Transactional(readOnly = true)
	public Page<NotificationView> page(UUID userId, boolean unreadOnly, int page, int size) {
		PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
		Page<Notification> found = unreadOnly ? this.notifications.findByUserIdAndReadAtIsNull(userId, request)
				: this.notifications.findByUserId(userId, request);
		return found.map(Notification::view);
	}

	@Transactional(readOnly = true)
	public List<NotificationView> latest(UUID userId) {
		return this.notifications.findTop20ByUserIdOrderByCreatedAtDescIdDesc(userId)
			.stream()
			.map(Notification::view)
			.toList();
	}

	@Transactional(readOnly = true)
	public long unreadCount(UUID userId) {
		return this.notifications.countByUserIdAndReadAtIsNull(userId);
	}

	/**
	 * Marks one of the user's notifications read; empty when the user has no such
	 * notification (another user's is not theirs to see).
	 */
	@Transactional
	public Optional<NotificationView> markRead(UUID userId, UUID notificationId) {
		return this.notifications.findByIdAndUserId(notificationId, userId).map((notification) -> {
			notification.markRead(this.clock.instant());
			return notification.view();
		});
	}

	/** Marks every unread notification of the user read; answers how many. */
	@Transactional
	public int markAllRead(UUID userId) {
		return this.notifications.markAllRead(userId, this.clock.instant());
	}

	/**
	 * Forgets every notification of a deleted account, and those in others' inboxes that
	 * name it.
	 */
	@Transactional
	public void forget(UUID userId) {
		this.notifications.deleteByOwner(userId);
		this.jdbc.sql("DELETE FROM notifications WHERE about_user_id = ?").param(userId).update();
	}

}
