package dev.flux.chat.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.consumer.DeferredWrites;

/**
 * Keeps {@code chat_users} in step with auth-service's accounts and user-service's
 * profiles. Each method is idempotent and drops what is older than what it holds (account
 * changes by the {@code user.*} aggregateVersion, profile changes by the
 * {@code profile.updated} one), so any delivery order ends in the same state. Events
 * about a deleted user are dropped; a rename or profile change of a user not created yet
 * throws {@link UnknownUserException}, to be retried.
 */
@Service
public class UserProjection {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DeletedChatUsers deletedUsers;

	private final DeferredWrites writes;

	UserProjection(JdbcClient jdbc, Clock clock, DeletedChatUsers deletedUsers, DeferredWrites writes) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deletedUsers = deletedUsers;
		this.writes = writes;
	}

	/**
	 * A new account; a replay, or one arriving after a later rename, changes nothing. A
	 * deferred write: nothing here reads it back but the user's own later events, and the
	 * consumer sends it before those run, so a batch of sign-ups is one multi-row upsert.
	 * The user's id is the events' aggregate, so one statement never holds the same user
	 * twice (which an upsert would refuse).
	 */
	@Transactional
	public void created(UUID userId, String username, long accountVersion) {
		this.writes.update("""
				insert into chat_users (user_id, username, account_version, updated_at) values (?, ?, ?, ?)
				on conflict (user_id) do update set username = excluded.username,
				  account_version = excluded.account_version, updated_at = excluded.updated_at
				where not chat_users.deleted and chat_users.account_version < excluded.account_version
				""", userId, username, accountVersion, Timestamp.from(this.clock.instant()));
	}

	/**
	 * The account's username at {@code accountVersion}.
	 * @throws UnknownUserException when the user is not created yet
	 */
	@Transactional
	public void renamed(UUID userId, String username, long accountVersion) {
		requireKnown(userId);
		this.jdbc.sql("""
				update chat_users set username = ?, account_version = ?, updated_at = ?
				where user_id = ? and not deleted and account_version < ?
				""")
			.params(username, accountVersion, Timestamp.from(this.clock.instant()), userId, accountVersion)
			.update();
	}

	/**
	 * The public profile at {@code profileVersion}: display name and avatar.
	 * @throws UnknownUserException when the user is not created yet
	 */
	@Transactional
	public void profileChanged(UUID userId, @Nullable String displayName, @Nullable String avatarUrl,
			long profileVersion) {
		requireKnown(userId);
		this.jdbc.sql("""
				update chat_users set display_name = ?, avatar_url = ?, profile_version = ?, updated_at = ?
				where user_id = ? and not deleted and profile_version < ?
				""")
			.params(displayName, avatarUrl, profileVersion, Timestamp.from(this.clock.instant()), userId,
					profileVersion)
			.update();
	}

	/**
	 * Keeps only the id and a tombstone: messages show the author as a deleted user, and
	 * later events about the user are dropped.
	 * @return whether this call deleted the user (false for a replay)
	 */
	@Transactional
	public boolean deleted(UUID userId, long accountVersion) {
		int changed = this.jdbc.sql("""
				insert into chat_users (user_id, deleted, account_version, updated_at) values (?, true, ?, ?)
				on conflict (user_id) do update set username = null, display_name = null, avatar_url = null,
				  deleted = true, account_version = excluded.account_version, updated_at = excluded.updated_at
				where not chat_users.deleted
				""").params(userId, accountVersion, Timestamp.from(this.clock.instant())).update();
		this.deletedUsers.deleted(userId);
		return changed > 0;
	}

	private void requireKnown(UUID userId) {
		boolean known = this.jdbc.sql("select count(*) from chat_users where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() > 0;
		if (!known) {
			throw new UnknownUserException(userId);
		}
	}

}
