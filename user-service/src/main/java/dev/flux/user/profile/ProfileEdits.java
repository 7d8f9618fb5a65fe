package dev.flux.user.profile;

import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.user.activity.Activity;
import dev.flux.user.activity.ActivityRepository;
import dev.flux.user.activity.ActivityView;
import dev.flux.user.presence.Status;
import dev.flux.user.settings.Settings;
import dev.flux.user.settings.UserSettings;

/**
 * The signed-in user's changes of their own profile, status, settings and activities.
 * Each checks the caller's {@code If-Match} against the current version under the row
 * lock (412 and no change when stale) and announces what others see differently as
 * {@code profile.updated}, in the same transaction.
 */
@Service
public class ProfileEdits {

	/** How many activities a user may show at once. */
	public static final int MAX_ACTIVITIES = 5;

	private final Changes changes;

	private final ActivityRepository activities;

	ProfileEdits(Changes changes, ActivityRepository activities) {
		this.changes = changes;
		this.activities = activities;
	}

	@Transactional
	public Versioned<OwnProfile> editProfile(UUID userId, ProfileEdit edit, @Nullable String ifMatch) {
		Aggregate aggregate = lock(userId, ifMatch);
		Profile profile = aggregate.profile();
		if (edit.fields().contains("displayName")) {
			profile.changeDisplayName(edit.displayName());
		}
		if (edit.fields().contains("avatarUrl")) {
			profile.changeAvatar(edit.avatarUrl());
		}
		if (edit.fields().contains("bio")) {
			profile.changeBio(edit.bio());
		}
		if (edit.fields().contains("customStatus")) {
			profile.changeCustomStatus(edit.customStatus());
		}
		return finish(aggregate);
	}

	/** Sets the status the user chose; null goes back to following presence. */
	@Transactional
	public Versioned<OwnProfile> chooseStatus(UUID userId, @Nullable Status status, @Nullable String ifMatch) {
		Aggregate aggregate = lock(userId, ifMatch);
		aggregate.profile().choose(status);
		return finish(aggregate);
	}

	/**
	 * Changes the settings to what {@code change} makes of the current ones; the
	 * {@code If-Match} is the settings' tag.
	 */
	@Transactional
	public Versioned<Settings> changeSettings(UUID userId, UnaryOperator<Settings> change, @Nullable String ifMatch) {
		Aggregate aggregate = this.changes.lock(userId).orElseThrow(() -> new UnknownProfile());
		UserSettings settings = aggregate.settings();
		VersionCheck.require(ifMatch, settings.etag());
		Settings before = settings.values();
		settings.change(change.apply(before), aggregate.now());
		this.changes.finish(aggregate);
		this.changes.announcePrivacy(userId, before, settings);
		return new Versioned<>(settings.values(), settings.etag());
	}

	/**
	 * Adds an activity.
	 * @throws TooManyActivities when the user already shows {@link #MAX_ACTIVITIES}
	 */
	@Transactional
	public Versioned<ActivityView> addActivity(UUID userId, ActivityView.Draft draft, @Nullable String ifMatch) {
		Aggregate aggregate = lock(userId, ifMatch);
		if (aggregate.activityCount() >= MAX_ACTIVITIES) {
			throw new TooManyActivities();
		}
		Activity activity = new Activity(userId, draft,
				(draft.startedAt() != null) ? draft.startedAt() : aggregate.now());
		this.activities.save(activity);
		aggregate.added(activity);
		this.changes.finish(aggregate);
		return new Versioned<>(activity.view(), aggregate.etag());
	}

	/**
	 * Removes one of the user's activities; the profile's new tag.
	 * @throws UnknownActivity when the user has no such activity (another user's is not
	 * theirs)
	 */
	@Transactional
	public String removeActivity(UUID userId, UUID activityId, @Nullable String ifMatch) {
		Aggregate aggregate = lock(userId, ifMatch);
		Activity activity = this.activities.findOwn(userId, activityId).orElseThrow(() -> new UnknownActivity());
		this.activities.delete(activity);
		aggregate.removed(activity);
		this.changes.finish(aggregate);
		return aggregate.etag();
	}

	private Aggregate lock(UUID userId, @Nullable String ifMatch) {
		Aggregate aggregate = this.changes.lock(userId).orElseThrow(() -> new UnknownProfile());
		VersionCheck.require(ifMatch, aggregate.etag());
		return aggregate;
	}

	private Versioned<OwnProfile> finish(Aggregate aggregate) {
		this.changes.finish(aggregate);
		return new Versioned<>(aggregate.ownView(), aggregate.etag());
	}

}
