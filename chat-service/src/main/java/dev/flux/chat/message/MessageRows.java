package dev.flux.chat.message;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes message rows. Every read of a channel's messages is a range of the
 * primary key {@code (channel_id, id)}: newest first going back, oldest first going
 * forward.
 */
@Component
class MessageRows {

	private static final String COLUMNS = "channel_id, id, author_id, content, reply_to, mention_users, "
			+ "mention_roles, mention_everyone, nonce, version, edited_at";

	private final JdbcClient jdbc;

	MessageRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Message message) {
		this.jdbc
			.sql("insert into messages (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?::uuid[], ?::bigint[], ?, ?, ?, ?)")
			.params(message.channelId(), message.id(), message.authorId(), message.content(), message.replyTo(),
					uuidArray(message.mentionUsers()), longArray(message.mentionRoles()), message.mentionEveryone(),
					message.nonce(), message.version(), timestamp(message))
			.update();
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

	/** Up to {@code limit} messages with ids below {@code before}, newest first. */
	List<Message> before(long channelId, long before, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from messages where channel_id = ? and id < ? order by id desc limit ?")
			.params(channelId, before, limit)
			.query(MessageRows::message)
			.list();
	}

	/** Up to {@code limit} messages with ids from {@code from} on, oldest first. */
	List<Message> from(long channelId, long from, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from messages where channel_id = ? and id >= ? order by id limit ?")
			.params(channelId, from, limit)
			.query(MessageRows::message)
			.list();
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

	private static List<UUID> uuids(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
	}

	private static List<Long> longs(Array array) throws SQLException {
		return new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
	}

}
