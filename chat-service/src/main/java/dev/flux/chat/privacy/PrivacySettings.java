package dev.flux.chat.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.user.UnknownUserException;

/**
 * The privacy settings of users, kept from {@code profile.privacy_updated}: a user not
 * announced yet has user-service's defaults (both allowed).
 */
@Component
public class PrivacySettings {

	private final JdbcClient jdbc;

	private final Clock clock;

	PrivacySettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The user's settings; the defaults for a user the chat does not know. */
	public Privacy of(UUID userId) {
		return this.jdbc.sql("select allow_direct_messages, allow_friend_requests from chat_users where user_id = ?")
			.param(userId)
			.query((rs, row) -> new Privacy(rs.getBoolean("allow_direct_messages"),
					rs.getBoolean("allow_friend_requests")))
			.optional()
			.orElse(new Privacy(true, true));
	}

	/**
	 * The settings at {@code version}; an older version than the one held changes
	 * nothing.
	 * @throws UnknownUserException when the user is not created yet (retried)
	 */
	@Transactional
	public void changed(UUID userId, Privacy privacy, long version) {
		int changed = this.jdbc.sql("""
				update chat_users set allow_direct_messages = ?, allow_friend_requests = ?, privacy_version = ?,
				  updated_at = ?
				where user_id = ? and privacy_version < ?
				""")
			.params(privacy.allowDirectMessages(), privacy.allowFriendRequests(), version,
					Timestamp.from(this.clock.instant()), userId, version)
			.update();
		if (changed == 0 && this.jdbc.sql("select count(*) from chat_users where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() == 0) {
			throw new UnknownUserException(userId);
		}
	}

	/**
	 * Who may reach a user.
	 *
	 * @param allowDirectMessages whether users who are not friends may open a DM (friends
	 * always may)
	 * @param allowFriendRequests whether anyone may send a friend request
	 */
	public record Privacy(boolean allowDirectMessages, boolean allowFriendRequests) {

	}

}
