package dev.flux.user.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.flux.user.activity.Activity;
import dev.flux.user.activity.ActivityView;
import dev.flux.user.presence.Status;
import dev.flux.user.settings.UserSettings;

/**
 * A user's profile, settings and activities as one unit: what the views are made of, and,
 * when locked for a change, what the change is compared against.
 */
final class Aggregate {

	private final Profile profile;

	private final UserSettings settings;

	private final List<Activity> activities;

	private final Instant now;

	private final Profile.State stateBefore;

	private final PublicProfile publicBefore;

	private boolean activitiesChanged;

	Aggregate(Profile profile, UserSettings settings, List<Activity> activities, Instant now) {
		this.profile = profile;
		this.settings = settings;
		this.activities = new ArrayList<>(activities);
		this.now = now;
		this.stateBefore = profile.state();
		this.publicBefore = publicView();
	}

	Profile profile() {
		return this.profile;
	}

	UserSettings settings() {
		return this.settings;
	}

	Instant now() {
		return this.now;
	}

	int activityCount() {
		return this.activities.size();
	}

	void added(Activity activity) {
		this.activities.add(activity);
		this.activitiesChanged = true;
	}

	void removed(Activity activity) {
		this.activities.removeIf((held) -> held.id().equals(activity.id()));
		this.activitiesChanged = true;
	}

	/** Whether the profile, its activities or what others see of it changed. */
	boolean changed() {
		return this.activitiesChanged || !this.profile.state().equals(this.stateBefore)
				|| !publicView().equals(this.publicBefore);
	}

	PublicProfile publicBefore() {
		return this.publicBefore;
	}

	String etag() {
		return this.profile.etag(this.now);
	}

	PublicProfile publicView() {
		boolean show = this.settings.showOnlineStatus();
		Profile p = this.profile;
		return new PublicProfile(p.userId(), p.username(), p.displayName(), p.avatarUrl(), p.bio(),
				p.publicStatus(show).value(), p.customStatus(this.now), p.hidden(show) ? List.of() : activityViews());
	}

	OwnProfile ownView() {
		Profile p = this.profile;
		Status chosen = p.chosenStatus();
		return new OwnProfile(p.userId(), p.username(), p.displayName(), p.avatarUrl(), p.bio(), p.status().value(),
				(chosen != null) ? chosen.value() : null, p.presence().value(),
				p.publicStatus(this.settings.showOnlineStatus()).value(), p.customStatus(this.now), activityViews(),
				p.createdAt(), p.updatedAt());
	}

	List<ActivityView> activityViews() {
		return this.activities.stream().map(Activity::view).toList();
	}

}
