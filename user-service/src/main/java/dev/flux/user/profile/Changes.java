package dev.flux.user.profile;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.contract.PrivacyUpdated;
import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.outbox.Outbox;
import dev.flux.user.activity.ActivityRepository;
import dev.flux.user.activity.ActivityView;
import dev.flux.user.settings.Settings;
import dev.flux.user.settings.UserSettings;
import dev.flux.user.settings.UserSettingsRepository;

/**
 * How every change of a user's aggregate is made: lock the profile row, load settings and
 * activities, let the caller change them, then count the change in the profile's version
 * and append {@code profile.updated} (with the fields others see differently) to the
 * outbox in the same transaction. A change nobody else can see (a presence flip of an
 * invisible user) moves the version and publishes nothing, so the event never reveals it.
 */
@Component
class Changes {

	private final ProfileRepository profiles;

	private final UserSettingsRepository settings;

	private final ActivityRepository activities;

	private final Outbox outbox;

	private final Clock clock;

	Changes(ProfileRepository profiles, UserSettingsRepository settings, ActivityRepository activities, Outbox outbox,
			Clock clock) {
		this.profiles = profiles;
		this.settings = settings;
		this.activities = activities;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** The user's aggregate, its profile row locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Aggregate> lock(UUID userId) {
		return this.profiles.findForUpdate(userId).map(this::load);
	}

	/** The user's aggregate for reading. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Aggregate> read(UUID userId) {
		return this.profiles.findById(userId).map(this::load);
	}

	private Aggregate load(Profile profile) {
		UserSettings stored = this.settings.findById(profile.userId())
			.orElseThrow(() -> new IllegalStateException("No settings for user " + profile.userId()));
		return new Aggregate(profile, stored, this.activities.findByUser(profile.userId()), this.clock.instant());
	}

	/** Counts and announces what was changed in a locked aggregate. */
	@Transactional(propagation = Propagation.MANDATORY)
	void finish(Aggregate aggregate) {
		if (!aggregate.changed()) {
			return;
		}
		Profile profile = aggregate.profile();
		profile.touch(aggregate.now());
		PublicProfile before = aggregate.publicBefore();
		PublicProfile after = aggregate.publicView();
		Set<String> changed = changedFields(before, after);
		if (changed.isEmpty()) {
			return;
		}
		this.outbox.append(profile.userId().toString(), profile.version(),
				new ProfileUpdated(profile.userId(), changed, after.displayName(), after.avatarUrl(), after.bio(),
						after.status(), customStatus(after.customStatus()),
						after.activities().stream().map(Changes::activity).toList()));
	}

	/**
	 * Announces the privacy settings other services enforce
	 * ({@code profile.privacy_updated}, the settings' version as aggregateVersion) when
	 * one of them changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void announcePrivacy(UUID userId, Settings before, UserSettings after) {
		Settings now = after.values();
		if (before.allowDirectMessages() == now.allowDirectMessages()
				&& before.allowFriendRequests() == now.allowFriendRequests()
				&& before.notificationsEnabled() == now.notificationsEnabled()) {
			return;
		}
		this.outbox.append(userId.toString(), after.version(), new PrivacyUpdated(userId, now.allowDirectMessages(),
				now.allowFriendRequests(), now.notificationsEnabled()));
	}

	static Set<String> changedFields(PublicProfile before, PublicProfile after) {
		Set<String> changed = new TreeSet<>();
		compare(changed, "displayName", before.displayName(), after.displayName());
		compare(changed, "avatarUrl", before.avatarUrl(), after.avatarUrl());
		compare(changed, "bio", before.bio(), after.bio());
		compare(changed, "status", before.status(), after.status());
		compare(changed, "customStatus", before.customStatus(), after.customStatus());
		compare(changed, "activities", before.activities(), after.activities());
		return changed;
	}

	private static void compare(Set<String> changed, String field, @Nullable Object before, @Nullable Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static ProfileUpdated.@Nullable CustomStatus customStatus(@Nullable CustomStatus status) {
		return (status != null) ? new ProfileUpdated.CustomStatus(status.text(), status.emoji(), status.expiresAt())
				: null;
	}

	private static ProfileUpdated.Activity activity(ActivityView activity) {
		return new ProfileUpdated.Activity(activity.type(), activity.name(), activity.details(), activity.state(),
				activity.startedAt(), activity.endsAt());
	}

}
