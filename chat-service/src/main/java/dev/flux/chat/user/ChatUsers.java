package dev.flux.chat.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How other features show users: from the projection, never by calling another service.
 */
@Component
public class ChatUsers {

	private final JdbcClient jdbc;

	ChatUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The users with these ids; one not known (yet) is shown with its id only. */
	public Map<UUID, UserView> views(Collection<UUID> userIds) {
		Map<UUID, UserView> views = new HashMap<>();
		if (userIds.isEmpty()) {
			return views;
		}
		this.jdbc.sql(
				"select user_id, username, display_name, avatar_url, deleted from chat_users where user_id = any(?::uuid[])")
			.param(userIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((rs, row) -> new UserView(rs.getObject("user_id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), rs.getString("avatar_url"), rs.getBoolean("deleted")))
			.list()
			.forEach((view) -> views.put(view.id(), view));
		userIds.forEach((id) -> views.putIfAbsent(id, new UserView(id, null, null, null, false)));
		return views;
	}

	public UserView view(UUID userId) {
		return views(java.util.List.of(userId)).get(userId);
	}

	/** Whether the user deleted their account. */
	public boolean isDeleted(UUID userId) {
		return Boolean.TRUE.equals(this.jdbc.sql("select deleted from chat_users where user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false));
	}

	/**
	 * A user as the chat shows them: a deleted user has no name and no avatar.
	 *
	 * @param id the user's id
	 * @param username the username, null when deleted or not known yet
	 * @param displayName the display name (the username unless they chose one)
	 * @param avatarUrl the avatar's URL
	 * @param deleted whether the account was deleted
	 */
	public record UserView(UUID id, @Nullable String username, @Nullable String displayName, @Nullable String avatarUrl,
			boolean deleted) {

		public UserView {
			if (displayName == null) {
				displayName = username;
			}
		}

	}

}
