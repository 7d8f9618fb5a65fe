package dev.flux.user.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.user.activity.ActivityView;
import dev.flux.user.settings.Settings;
import dev.flux.user.settings.UserSettings;
import dev.flux.user.settings.UserSettingsRepository;

/** Reads of profiles, settings and activities, each with its entity tag. */
@Service
public class ProfileReads {

	private final Changes changes;

	private final ProfileRepository profiles;

	private final UserSettingsRepository settings;

	private final PublicProfiles publicProfiles;

	ProfileReads(Changes changes, ProfileRepository profiles, UserSettingsRepository settings,
			PublicProfiles publicProfiles) {
		this.changes = changes;
		this.profiles = profiles;
		this.settings = settings;
		this.publicProfiles = publicProfiles;
	}

	/** The signed-in user's own profile. */
	@Transactional(readOnly = true)
	public Versioned<OwnProfile> own(UUID userId) {
		Aggregate aggregate = aggregate(userId);
		return new Versioned<>(aggregate.ownView(), aggregate.etag());
	}

	/**
	 * Another user's public profile (the same for every viewer), in one statement outside
	 * a transaction.
	 */
	public Versioned<PublicProfile> publicProfile(UUID userId) {
		Aggregate aggregate = this.publicProfiles.find(userId).orElseThrow(() -> new UnknownProfile());
		return new Versioned<>(aggregate.publicView(), aggregate.etag());
	}

	@Transactional(readOnly = true)
	public Versioned<Settings> settings(UUID userId) {
		UserSettings stored = this.settings.findById(userId).orElseThrow(() -> new UnknownProfile());
		return new Versioned<>(stored.values(), stored.etag());
	}

	/** The user's activities, tagged with the profile's version that counts them. */
	@Transactional(readOnly = true)
	public Versioned<List<ActivityView>> activities(UUID userId) {
		Aggregate aggregate = aggregate(userId);
		return new Versioned<>(aggregate.activityViews(), aggregate.etag());
	}

	/**
	 * Users whose username starts with {@code prefix}, ignoring case, in username order.
	 */
	@Transactional(readOnly = true)
	public UserPage search(String prefix, int page, int size) {
		String pattern = prefix.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
		Slice<Profile> found = this.profiles.findByUsernamePattern(pattern, PageRequest.of(page, size));
		Map<UUID, UserSettings> settingsById = this.settings.findAllById(found.stream().map(Profile::userId).toList())
			.stream()
			.collect(Collectors.toMap(UserSettings::getId, Function.identity()));
		List<UserSummary> items = found.stream().map((profile) -> {
			UserSettings stored = settingsById.get(profile.userId());
			boolean show = stored == null || stored.showOnlineStatus();
			return new UserSummary(profile.userId(), profile.username(), profile.displayName(), profile.avatarUrl(),
					profile.publicStatus(show).value());
		}).toList();
		return new UserPage(items, page, size, found.hasNext());
	}

	private Aggregate aggregate(UUID userId) {
		return this.changes.read(userId).orElseThrow(() -> new UnknownProfile());
	}

}
