package dev.flux.user.profile;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.user.activity.ActivityRepository;
import dev.flux.user.presence.Status;
import dev.flux.user.settings.UserSettings;
import dev.flux.user.settings.UserSettingsRepository;

/**
 * Keeps the profiles in step with auth-service's accounts and the gateway's presence.
 * Each method is idempotent and drops what is older than what it holds (by the events'
 * {@code aggregateVersion}), so any delivery order ends in the same state. Events about a
 * deleted user are dropped; events about a user not created yet throw
 * {@link UnknownUserException}, to be retried.
 */
@Service
public class ProfileSync {

	private static final Logger logger = LoggerFactory.getLogger(ProfileSync.class);

	private final ProfileRepository profiles;

	private final UserSettingsRepository settings;

	private final ActivityRepository activities;

	private final DeletedUserRepository deleted;

	private final Changes changes;

	private final Clock clock;

	ProfileSync(ProfileRepository profiles, UserSettingsRepository settings, ActivityRepository activities,
			DeletedUserRepository deleted, Changes changes, Clock clock) {
		this.profiles = profiles;
		this.settings = settings;
		this.activities = activities;
		this.deleted = deleted;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * A new account: its profile (display name defaulting to the username, status
	 * {@code offline}) and default settings, together.
	 */
	@Transactional
	public void created(UUID userId, String username, long accountVersion) {
		if (this.deleted.existsById(userId)) {
			logger.debug("Dropped user.created of deleted user {}", userId);
			return;
		}
		if (this.profiles.existsById(userId)) {
			renamed(userId, username, accountVersion);
			return;
		}
		this.profiles.save(Profile.create(userId, username, accountVersion, this.clock.instant()));
		this.settings.save(UserSettings.defaults(userId, this.clock.instant()));
	}

	/**
	 * The account's username at {@code accountVersion}; a display name that follows the
	 * username changes with it (and is announced).
	 * @throws UnknownUserException when the user is not created yet
	 */
	@Transactional
	public void renamed(UUID userId, String username, long accountVersion) {
		if (this.deleted.existsById(userId)) {
			return;
		}
		Aggregate aggregate = this.changes.lock(userId).orElseThrow(() -> new UnknownUserException(userId));
		if (!aggregate.profile().rename(username, accountVersion)) {
			logger.debug("Dropped stale account version {} of user {}", accountVersion, userId);
			return;
		}
		this.changes.finish(aggregate);
	}

	/**
	 * Removes the user's profile, settings and activities and leaves a tombstone, so that
	 * later events about the user are dropped rather than retried.
	 */
	@Transactional
	public void deleted(UUID userId, long accountVersion) {
		this.profiles.findForUpdate(userId).ifPresent((profile) -> {
			this.activities.deleteByUser(userId);
			this.settings.deleteById(userId);
			this.profiles.delete(profile);
		});
		if (!this.deleted.existsById(userId)) {
			this.deleted.save(new DeletedUser(userId, accountVersion, this.clock.instant()));
		}
	}

	/**
	 * The gateway's presence at {@code sequence}: the user's status follows it unless
	 * they chose one.
	 * @throws UnknownUserException when the user is not created yet
	 */
	@Transactional
	public void presence(UUID userId, Status presence, long sequence) {
		if (this.deleted.existsById(userId)) {
			return;
		}
		Aggregate aggregate = this.changes.lock(userId).orElseThrow(() -> new UnknownUserException(userId));
		if (!aggregate.profile().connect(presence, sequence)) {
			logger.debug("Dropped stale presence sequence {} of user {}", sequence, userId);
			return;
		}
		this.changes.finish(aggregate);
	}

}
