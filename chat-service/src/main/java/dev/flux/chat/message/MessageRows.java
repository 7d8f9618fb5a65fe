package dev.flux.chat.message;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.flux.chat.message.Messages.HistoryQuery;
import dev.flux.chat.server.ChannelRead;
import dev.flux.chat.user.ChatUsers.UserView;

/**
 * Reads and writes message rows. Every read of a channel's messages is a range of the
 * primary key {@code (channel_id, id)}: newest first going back, oldest first going
 * forward.
 */
@Component
class MessageRows {

	private static final String COLUMNS = "channel_id, id, author_id, content, reply_to, mention_users, "
			+ "mention_roles, mention_everyone, nonce, version, edited_at";

	/**
	 * A page of messages with their authors from the projection (a left join: an author
	 * not known yet is shown with their id only).
	 */
	private static final String PAGE = "select m.channel_id, m.id, m.author_id, m.content, m.reply_to, m.mention_users, "
			+ "m.mention_roles, m.mention_everyone, m.nonce, m.version, m.edited_at, "
			+ "u.user_id, u.username, u.display_name, u.avatar_url, u.deleted "
			+ "from messages m left join chat_users u on u.user_id = m.author_id ";

	/**
	 * A new message and its author's view, in one statement: the first {@code %s} is
	 * {@code with}, or {@link #CLAIM} and then the second is its condition.
	 */
	private static final String INSERT = """
			%s sent as (
			  insert into messages (channel_id, id, author_id, content, reply_to, mention_users, mention_roles,
			    mention_everyone, nonce, version)
			  select ?::bigint, ?::bigint, ?::uuid, ?::text, ?::bigint, ?::uuid[], ?::bigint[], ?::boolean, ?::text,
			    ?::bigint
			  %s
			  returning author_id)
			select exists (select 1 from sent) as sent, u.user_id, u.username, u.display_name, u.avatar_url, u.deleted
			from (select 1) one left join chat_users u on u.user_id = ?
			""";

	/**
	 * Claims the author's nonce: new, or last used before the cutoff; a claim racing with
	 * another's waits for that one's commit on the nonce's key.
	 */
	private static final String CLAIM = """
			with claim as (
			  insert into message_nonces (author_id, nonce, channel_id, message_id, created_at)
			  values (?, ?, ?, ?, ?::timestamptz)
			  on conflict (author_id, nonce) do update set channel_id = excluded.channel_id,
			    message_id = excluded.message_id, created_at = excluded.created_at
			  where message_nonces.created_at < ?::timestamptz
			  returning 1),""";

	// Both forms once, not formatted on every send.
	private static final String INSERT_ALONE = INSERT.formatted("with", "");

	private static final String INSERT_CLAIMED = INSERT.formatted(CLAIM, "where exists (select 1 from claim)");

	private final JdbcClient jdbc;

	MessageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a new message and reads its author, in one statement; with a nonce, the
	 * message is written only if this send claims the nonce (it is new, or its last use
	 * is older than {@code nonceCutoff}). A send that loses a race for the nonce waits
	 * for the winner's commit on the nonce's key, then writes nothing.
	 * @return the author as the projection shows them, or empty when the nonce was
	 * already claimed within the window (nothing written)
	 */
	Optional<UserView> insert(Message message, Instant now, Instant nonceCutoff) {
		List<Object> params = new ArrayList<>();
		String sql = INSERT_ALONE;
		if (message.nonce() != null) {
			sql = INSERT_CLAIMED;
			// Times as text: a Timestamp parameter costs pgjdbc a calendar of its own
			// for each statement.
			params.addAll(List.of(message.authorId(), message.nonce(), message.channelId(), message.id(),
					now.toString(), nonceCutoff.toString()));
		}
		params.addAll(Arrays.asList(message.channelId(), message.id(), message.authorId(), message.content(),
				message.replyTo(), uuidArray(message.mentionUsers()), longArray(message.mentionRoles()),
				message.mentionEveryone(), message.nonce(), message.version(), message.authorId()));
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, row) -> rs.getBoolean("sent") ? Optional.of(author(rs, message.authorId()))
					: Optional.<UserView>empty())
			.single();
	}

	void update(Message message) {
		this.jdbc.sql("""
				update messages set content = ?, mention_users = ?::uuid[], mention_roles = ?::bigint[],
				  mention_everyone = ?, version = ?, edited_at = ?
				where channel_id = ? and id = ?
				""")
			.params(message.content(), uuidArray(message.mentionUsers()), longArray(message.mentionRoles()),
					message.mentionEveryone(), message.version(), timestamp(message), message.channelId(), message.id())
			.update();
	}

	void delete(long channelId, long id) {
		this.jdbc.sql("delete from messages where channel_id = ? and id = ?").params(channelId, id).update();
	}

	Optional<Message> find(long channelId, long id, boolean lock) {
		return this.jdbc
			.sql("select " + COLUMNS + " from messages where channel_id = ? and id = ?" + (lock ? " for update" : ""))
			.params(channelId, id)
			.query(MessageRows::message)
			.optional();
	}

	boolean exists(long channelId, long id) {
		return this.jdbc.sql("select count(*) from messages where channel_id = ? and id = ?")
			.params(channelId, id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The read of a page of history, newest first, each message with its author: the
	 * latest, those before or after an id, or those around one (half older, the rest from
	 * it on). Each part is one range of the primary key {@code (channel_id, id)}.
	 */
	ChannelRead<Authored> page(long channelId, HistoryQuery query) {
		int limit = query.limit();
		if (query.after() != null) {
			return new ChannelRead<>("select * from (" + PAGE
					+ "where m.channel_id = ? and m.id > ? order by m.id limit ?) p " + "order by p.id desc",
					List.of(channelId, query.after(), limit), MessageRows::authored);
		}
		if (query.around() != null) {
			int older = limit / 2;
			return new ChannelRead<>(
					"select * from ((" + PAGE
							+ "where m.channel_id = ? and m.id >= ? order by m.id limit ?) union all (" + PAGE
							+ "where m.channel_id = ? and m.id < ? order by m.id desc limit ?)) p order by p.id desc",
					List.of(channelId, query.around(), limit - older, channelId, query.around(), older),
					MessageRows::authored);
		}
		long before = (query.before() != null) ? query.before() : Long.MAX_VALUE;
		return new ChannelRead<>(PAGE + "where m.channel_id = ? and m.id < ? order by m.id desc limit ?",
				List.of(channelId, before, limit), MessageRows::authored);
	}

	private static @Nullable Timestamp timestamp(Message message) {
		return (message.editedAt() != null) ? Timestamp.from(message.editedAt()) : null;
	}

	private static String uuidArray(List<UUID> ids) {
		return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
	}

	private static String longArray(List<Long> ids) {
		return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
	}

	private static Message message(ResultSet rs, int row) throws SQLException {
		long replyTo = rs.getLong("reply_to");
		Long reply = rs.wasNull() ? null : replyTo;
		Timestamp edited = rs.getTimestamp("edited_at");
		return new Message(rs.getLong("channel_id"), rs.getLong("id"), rs.getObject("author_id", UUID.class),
				rs.getString("content"), reply, uuids(rs.getArray("mention_users")),
				longs(rs.getArray("mention_roles")), rs.getBoolean("mention_everyone"), rs.getString("nonce"),
				rs.getLong("version"), (edited != null) ? edited.toInstant() : null);
	}

	private static Authored authored(ResultSet rs, int row) throws SQLException {
		Message message = message(rs, row);
		return new Authored(message, author(rs, message.authorId()));
	}

	/**
	 * The author's columns of the projection; null ones when the user is not known yet.
	 */
	private static UserView author(ResultSet rs, UUID authorId) throws SQLException {
		if (rs.getObject("user_id") == null) {
			return new UserView(authorId, null, null, null, false);
		}
		return new UserView(authorId, rs.getString("username"), rs.getString("display_name"),
				rs.getString("avatar_url"), rs.getBoolean("deleted"));
	}

	/**
	 * A message and its author as the projection shows them.
	 *
	 * @param message the message
	 * @param author its author
	 */
	record Authored(Message message, UserView author) {

	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
	}

	private static List<Long> longs(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
	}

}
