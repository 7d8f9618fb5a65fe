package dev.flux.user.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import dev.flux.persistence.AssignedIdEntity;
import dev.flux.user.presence.Status;

/**
 * A user's profile, the root of the aggregate: every change of it, its settings' public
 * part or its activities counts one {@code version} (its ETag and the
 * {@code aggregateVersion} of {@code profile.updated}). Changed only under a row lock
 * ({@link ProfileRepository#findForUpdate}), so versions never repeat.
 */
@Entity
@Table(name = "user_profiles")
class Profile extends AssignedIdEntity<UUID> {

	@Id
	@Column(name = "user_id")
	private UUID userId;

	private String username;

	@Column(name = "account_version")
	private long accountVersion;

	@Column(name = "display_name")
	private @Nullable String displayName;

	@Column(name = "avatar_url")
	private @Nullable String avatarUrl;

	private @Nullable String bio;

	@Column(name = "custom_status_text")
	private @Nullable String customStatusText;

	@Column(name = "custom_status_emoji")
	private @Nullable String customStatusEmoji;

	@Column(name = "custom_status_expires_at")
	private @Nullable Instant customStatusExpiresAt;

	@Column(name = "chosen_status")
	private @Nullable String chosenStatus;

	private String presence;

	@Column(name = "presence_sequence")
	private long presenceSequence;

	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected Profile() {
		this.userId = new UUID(0, 0);
		this.username = "";
		this.presence = "offline";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Profile(UUID userId, String username, long accountVersion, Instant now) {
		this.userId = userId;
		this.username = username;
		this.accountVersion = accountVersion;
		this.presence = Status.OFFLINE.value();
		this.version = 1;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A profile read by SQL for display only; never saved. */
	static Profile detached(UUID userId, State state, long version, Instant createdAt, Instant updatedAt) {
		Profile profile = new Profile(userId, state.username(), state.accountVersion(), createdAt);
		profile.displayName = state.displayName();
		profile.avatarUrl = state.avatarUrl();
		profile.bio = state.bio();
		profile.customStatusText = state.customStatusText();
		profile.customStatusEmoji = state.customStatusEmoji();
		profile.customStatusExpiresAt = state.customStatusExpiresAt();
		profile.chosenStatus = state.chosenStatus();
		profile.presence = state.presence();
		profile.presenceSequence = state.presenceSequence();
		profile.version = version;
		profile.updatedAt = updatedAt;
		profile.markStored();
		return profile;
	}

	static Profile create(UUID userId, String username, long accountVersion, Instant now) {
		return new Profile(userId, username, accountVersion, now);
	}

	/**
	 * Takes the username of account version {@code accountVersion}.
	 * @return false when that version is not newer than the one applied (stale or
	 * duplicate)
	 */
	boolean rename(String username, long accountVersion) {
		if (accountVersion <= this.accountVersion) {
			return false;
		}
		this.accountVersion = accountVersion;
		this.username = username;
		return true;
	}

	/**
	 * Takes the gateway's presence of sequence {@code sequence}.
	 * @return false when that sequence is not newer than the one applied
	 */
	boolean connect(Status presence, long sequence) {
		if (sequence <= this.presenceSequence) {
			return false;
		}
		this.presenceSequence = sequence;
		this.presence = presence.value();
		return true;
	}

	void changeDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	void changeAvatar(@Nullable String avatarUrl) {
		this.avatarUrl = avatarUrl;
	}

	void changeBio(@Nullable String bio) {
		this.bio = bio;
	}

	void changeCustomStatus(@Nullable CustomStatus status) {
		this.customStatusText = (status != null) ? status.text() : null;
		this.customStatusEmoji = (status != null) ? status.emoji() : null;
		this.customStatusExpiresAt = (status != null) ? status.expiresAt() : null;
	}

	/** Sets the status the user chose; null goes back to following presence. */
	void choose(@Nullable Status status) {
		this.chosenStatus = (status != null) ? status.value() : null;
	}

	/** Counts a change. */
	void touch(Instant now) {
		this.version++;
		this.updatedAt = now;
	}

	/** Everything a change may alter, to tell whether one did. */
	State state() {
		return new State(this.username, this.accountVersion, this.displayName, this.avatarUrl, this.bio,
				this.customStatusText, this.customStatusEmoji, this.customStatusExpiresAt, this.chosenStatus,
				this.presence, this.presenceSequence);
	}

	@Override
	public UUID getId() {
		return this.userId;
	}

	UUID userId() {
		return this.userId;
	}

	String username() {
		return this.username;
	}

	/** The display name, the username unless the user chose one. */
	String displayName() {
		return Objects.requireNonNullElse(this.displayName, this.username);
	}

	@Nullable String avatarUrl() {
		return this.avatarUrl;
	}

	@Nullable String bio() {
		return this.bio;
	}

	/** The custom status, whether expired or not. */
	@Nullable CustomStatus storedCustomStatus() {
		if (this.customStatusText == null && this.customStatusEmoji == null) {
			return null;
		}
		return new CustomStatus(this.customStatusText, this.customStatusEmoji, this.customStatusExpiresAt);
	}

	/** The custom status unless it has expired at {@code now}. */
	@Nullable CustomStatus customStatus(Instant now) {
		CustomStatus status = storedCustomStatus();
		return (status != null && !status.expiredAt(now)) ? status : null;
	}

	@Nullable Status chosenStatus() {
		return (this.chosenStatus != null) ? Status.of(this.chosenStatus) : null;
	}

	Status presence() {
		return Status.of(this.presence);
	}

	/** The user's own status: the one they chose, else their presence. */
	Status status() {
		Status chosen = chosenStatus();
		return (chosen != null) ? chosen : presence();
	}

	/**
	 * The status others see: offline for an invisible user or one who hides their online
	 * status.
	 */
	Status publicStatus(boolean showOnlineStatus) {
		return (hidden(showOnlineStatus)) ? Status.OFFLINE : status();
	}

	/** Whether the user hides their presence from others (invisible, or the setting). */
	boolean hidden(boolean showOnlineStatus) {
		return status() == Status.INVISIBLE || !showOnlineStatus;
	}

	long version() {
		return this.version;
	}

	/**
	 * The entity tag of the profile at {@code now}: its version, marked when a custom
	 * status has expired since (the representation changed without a write).
	 */
	String etag(Instant now) {
		CustomStatus stored = storedCustomStatus();
		String suffix = (stored != null && stored.expiredAt(now)) ? "x" : "";
		return "\"p" + this.version + suffix + "\"";
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	/** The mutable state of a profile, compared before and after a change. */
	record State(String username, long accountVersion, @Nullable String displayName, @Nullable String avatarUrl,
			@Nullable String bio, @Nullable String customStatusText, @Nullable String customStatusEmoji,
			@Nullable Instant customStatusExpiresAt, @Nullable String chosenStatus, String presence,
			long presenceSequence) {
	}

}
