package dev.flux.notification.recipient;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.flux.events.contract.ProfileUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.contract.UserUpdated;

/**
 * The projection of accounts and profiles. Each half keeps the aggregate version it was
 * last changed at and ignores anything not newer, so the end state is right whatever
 * order the events arrive in.
 */
@Service
public class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void accountCreated(UserCreated created, long version) {
		account(created.userId(), created.username(), created.email(), version);
	}

	public void accountUpdated(UserUpdated updated, long version) {
		account(updated.userId(), updated.username(), updated.email(), version);
	}

	public void profileUpdated(ProfileUpdated profile, long version) {
		this.jdbc.sql("""
				INSERT INTO recipients (user_id, display_name, avatar_url, status, profile_version)
				SELECT :id, :displayName, :avatarUrl, :status, :version WHERE flux_storable(:id)
				ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name,
					avatar_url = excluded.avatar_url, status = excluded.status,
					profile_version = excluded.profile_version
				WHERE recipients.profile_version < excluded.profile_version
				""")
			.param("id", profile.userId())
			.param("displayName", profile.displayName())
			.param("avatarUrl", profile.avatarUrl())
			.param("status", profile.status())
			.param("version", version)
			.update();
	}

	/**
	 * Forgets everything about a deleted account, keeping only its id so that later
	 * events about it change nothing ({@link #deleted}).
	 */
	public void forget(UUID userId) {
		// First: the account's writes in flight commit before this goes on, later ones
		// wait and then see the tombstone (V100__account_erasure.sql).
		this.jdbc.sql("SELECT flux_erasing(?)").param(userId).query().singleRow();
		this.jdbc.sql("DELETE FROM recipients WHERE user_id = ?").param(userId).update();
		this.jdbc.sql("INSERT INTO deleted_recipients (user_id) VALUES (?) ON CONFLICT DO NOTHING")
			.param(userId)
			.update();
	}

	/** Whether the account was deleted: events about it are to be dropped. */
	public boolean deleted(UUID userId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM deleted_recipients WHERE user_id = ?)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * What the gateway's snapshot says about its user; empty parts until the events
	 * arrive.
	 */
	public ProfileSummary summary(UUID userId) {
		// user-service leaves the display name out until one is set (it is the username
		// then), and announces a status only when it changes: until then it is the
		// presence this service publishes itself.
		return read(List.of(userId), "coalesce(r.status, p.status, 'offline')").get(userId);
	}

	/**
	 * What the gateway's snapshot says about other users, in one query; empty parts for a
	 * user whose events have not arrived.
	 */
	public Map<UUID, ProfileSummary> summaries(Collection<UUID> userIds) {
		// Others see only the status user-service announced, which hides a hidden one:
		// the presence this service publishes is the user's own, whatever they show.
		return read(userIds, "coalesce(r.status, 'offline')");
	}

	private Map<UUID, ProfileSummary> read(Collection<UUID> userIds, String status) {
		Map<UUID, ProfileSummary> known = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT r.user_id, r.username, coalesce(r.display_name, r.username) AS display_name, r.avatar_url,
					       %s AS status
					FROM recipients r LEFT JOIN presence p ON p.user_id = r.user_id WHERE r.user_id = ANY (?)"""
				.formatted(status))
			.param(userIds.toArray(UUID[]::new))
			.query((rs, row) -> new ProfileSummary(rs.getObject("user_id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), rs.getString("avatar_url"), rs.getString("status")))
			.list()
			.forEach((summary) -> known.put(summary.id(), summary));
		Map<UUID, ProfileSummary> summaries = new LinkedHashMap<>();
		for (UUID userId : userIds) {
			summaries.put(userId, known.getOrDefault(userId, new ProfileSummary(userId, null, null, null, null)));
		}
		return summaries;
	}

	private void account(UUID userId, String username, String email, long version) {
		this.jdbc.sql("""
				INSERT INTO recipients (user_id, username, email, account_version)
				SELECT :id, :username, :email, :version WHERE flux_storable(:id)
				ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, email = excluded.email,
					account_version = excluded.account_version
				WHERE recipients.account_version < excluded.account_version
				""")
			.param("id", userId)
			.param("username", username)
			.param("email", email)
			.param("version", version)
			.update();
	}

}
