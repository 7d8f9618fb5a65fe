package dev.flux.user.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.user.activity.Activity;
import dev.flux.user.activity.ActivityView;
import dev.flux.user.settings.Settings;
import dev.flux.user.settings.UserSettings;

/**
 * Reads one user's public profile with a single SQL statement (profile, settings and
 * activities as JSON), outside any transaction: the hot path of {@code GET
 * /api/users/{id}}, one round trip instead of a transaction and three queries. The
 * statement sees one snapshot, so the parts always belong together.
 */
@Component
class PublicProfiles {

	private static final String SQL = """
			select p.user_id, p.username, p.account_version, p.display_name, p.avatar_url, p.bio,
			       p.custom_status_text, p.custom_status_emoji, p.custom_status_expires_at, p.chosen_status,
			       p.presence, p.presence_sequence, p.version, p.created_at, p.updated_at,
			       s.theme, s.language, s.notifications_enabled, s.sound_enabled, s.show_online_status,
			       s.allow_direct_messages, s.allow_friend_requests, s.version as settings_version,
			       s.updated_at as settings_updated_at,
			       (select json_agg(json_build_object('id', a.id, 'type', a.activity, 'name', a.name,
			                        'details', a.details, 'state', a.state, 'startedAt', a.start_time,
			                        'endsAt', a.end_time) order by a.start_time, a.id)
			          from user_activities a where a.user_id = p.user_id) as activities
			  from user_profiles p join user_settings s on s.user_id = p.user_id
			 where p.user_id = ?
			""";

	private final JdbcClient jdbc;

	private final JsonMapper mapper;

	private final Clock clock;

	PublicProfiles(JdbcClient jdbc, JsonMapper mapper, Clock clock) {
		this.jdbc = jdbc;
		this.mapper = mapper;
		this.clock = clock;
	}

	Optional<Aggregate> find(UUID userId) {
		return this.jdbc.sql(SQL).param(userId).query((row, n) -> aggregate(userId, row)).optional();
	}

	private Aggregate aggregate(UUID userId, ResultSet row) throws SQLException {
		Profile profile = Profile.detached(userId,
				new Profile.State(row.getString("username"), row.getLong("account_version"),
						row.getString("display_name"), row.getString("avatar_url"), row.getString("bio"),
						row.getString("custom_status_text"), row.getString("custom_status_emoji"),
						instant(row.getTimestamp("custom_status_expires_at")), row.getString("chosen_status"),
						row.getString("presence"), row.getLong("presence_sequence")),
				row.getLong("version"), instant(row, "created_at"), instant(row, "updated_at"));
		UserSettings settings = UserSettings.detached(userId,
				new Settings(row.getString("theme"), row.getString("language"), row.getBoolean("notifications_enabled"),
						row.getBoolean("sound_enabled"), row.getBoolean("show_online_status"),
						row.getBoolean("allow_direct_messages"), row.getBoolean("allow_friend_requests")),
				row.getLong("settings_version"), instant(row, "settings_updated_at"));
		String activities = row.getString("activities");
		List<Activity> held = (activities == null) ? List.of()
				: Arrays.stream(this.mapper.readValue(activities, ActivityView[].class))
					.map((view) -> Activity.detached(userId, view))
					.toList();
		return new Aggregate(profile, settings, held, this.clock.instant());
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Instant value = instant(row.getTimestamp(column));
		return (value != null) ? value : Instant.EPOCH;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
