package dev.flux.user.settings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.flux.persistence.AssignedIdEntity;

/**
 * The stored settings of a user; {@code version} counts their changes and is their ETag.
 * Changed only while the user's profile row is locked.
 */
@Entity
@Table(name = "user_settings")
public class UserSettings extends AssignedIdEntity<UUID> {

	@Id
	@Column(name = "user_id")
	private UUID userId;

	private String theme;

	private String language;

	@Column(name = "notifications_enabled")
	private boolean notificationsEnabled;

	@Column(name = "sound_enabled")
	private boolean soundEnabled;

	@Column(name = "show_online_status")
	private boolean showOnlineStatus;

	@Column(name = "allow_direct_messages")
	private boolean allowDirectMessages;

	@Column(name = "allow_friend_requests")
	private boolean allowFriendRequests;

	private long version;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected UserSettings() {
		this.userId = new UUID(0, 0);
		this.theme = "dark";
		this.language = "en";
		this.updatedAt = Instant.EPOCH;
	}

	private UserSettings(UUID userId, Instant now) {
		Settings defaults = Settings.defaults();
		this.userId = userId;
		this.theme = defaults.theme();
		this.language = defaults.language();
		this.notificationsEnabled = defaults.notificationsEnabled();
		this.soundEnabled = defaults.soundEnabled();
		this.showOnlineStatus = defaults.showOnlineStatus();
		this.allowDirectMessages = defaults.allowDirectMessages();
		this.allowFriendRequests = defaults.allowFriendRequests();
		this.version = 1;
		this.updatedAt = now;
	}

	/** Settings read by SQL for display only; never saved. */
	public static UserSettings detached(UUID userId, Settings values, long version, Instant updatedAt) {
		UserSettings settings = new UserSettings(userId, updatedAt);
		settings.change(values, updatedAt);
		settings.version = version;
		settings.markStored();
		return settings;
	}

	public static UserSettings defaults(UUID userId, Instant now) {
		return new UserSettings(userId, now);
	}

	/**
	 * Takes new values.
	 * @return whether anything changed (the version counts only real changes)
	 */
	public boolean change(Settings settings, Instant now) {
		if (settings.equals(values())) {
			return false;
		}
		this.theme = settings.theme();
		this.language = settings.language();
		this.notificationsEnabled = settings.notificationsEnabled();
		this.soundEnabled = settings.soundEnabled();
		this.showOnlineStatus = settings.showOnlineStatus();
		this.allowDirectMessages = settings.allowDirectMessages();
		this.allowFriendRequests = settings.allowFriendRequests();
		this.version++;
		this.updatedAt = now;
		return true;
	}

	public Settings values() {
		return new Settings(this.theme, this.language, this.notificationsEnabled, this.soundEnabled,
				this.showOnlineStatus, this.allowDirectMessages, this.allowFriendRequests);
	}

	public boolean showOnlineStatus() {
		return this.showOnlineStatus;
	}

	/**
	 * Counts the changes of the settings: the aggregateVersion of
	 * profile.privacy_updated.
	 */
	public long version() {
		return this.version;
	}

	public String etag() {
		return "\"s" + this.version + "\"";
	}

	@Override
	public UUID getId() {
		return this.userId;
	}

}
