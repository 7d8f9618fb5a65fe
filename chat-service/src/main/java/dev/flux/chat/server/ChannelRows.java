package dev.flux.chat.server;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.flux.events.permission.Permission;
import dev.flux.chat.server.Views.ChannelView;
import dev.flux.chat.server.Views.OverwriteView;
import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelOverwrite;
import dev.flux.events.contract.ChannelUpdated;

/** Reads and writes channel rows and their overwrites. */
@Component
class ChannelRows {

	private final JdbcClient jdbc;

	ChannelRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Channel channel, Instant now) {
		this.jdbc.sql("""
				insert into channels (id, server_id, kind, name, topic, position, parent_id, version, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(channel.id(), channel.serverId(), channel.kind(), channel.name(), channel.topic(),
					channel.position(), channel.parentId(), channel.version(), Timestamp.from(now))
			.update();
	}

	/** The channel, its row locked until the transaction ends. */
	Optional<Channel> lock(long channelId) {
		return this.jdbc.sql("select * from channels where id = ? and server_id is not null for update")
			.param(channelId)
			.query(ChannelRows::channel)
			.optional();
	}

	Optional<Channel> find(long channelId) {
		return this.jdbc.sql("select * from channels where id = ? and server_id is not null")
			.param(channelId)
			.query(ChannelRows::channel)
			.optional();
	}

	List<Channel> ofServer(long serverId) {
		return this.jdbc.sql("select * from channels where server_id = ? order by position, id")
			.param(serverId)
			.query(ChannelRows::channel)
			.list();
	}

	void update(Channel channel) {
		this.jdbc.sql("update channels set name = ?, topic = ?, position = ?, parent_id = ?, version = ? where id = ?")
			.params(channel.name(), channel.topic(), channel.position(), channel.parentId(), channel.version(),
					channel.id())
			.update();
	}

	int nextPosition(long serverId) {
		return this.jdbc.sql("select coalesce(max(position) + 1, 0) from channels where server_id = ?")
			.param(serverId)
			.query(Integer.class)
			.single();
	}

	List<ChannelOverwrite> overwrites(long channelId) {
		return this.jdbc
			.sql("select role_id, user_id, allow, deny from overwrites where channel_id = ? "
					+ "order by role_id nulls last, user_id")
			.param(channelId)
			.query((rs, row) -> {
				long roleId = rs.getLong("role_id");
				boolean forRole = !rs.wasNull();
				return new ChannelOverwrite(forRole ? Long.toString(roleId) : null,
						forRole ? null : rs.getObject("user_id", UUID.class), rs.getLong("allow"), rs.getLong("deny"));
			})
			.list();
	}

	ChannelView view(Channel channel, long permissions) {
		List<OverwriteView> overwrites = new ArrayList<>();
		for (ChannelOverwrite overwrite : overwrites(channel.id())) {
			overwrites.add(new OverwriteView(overwrite.roleId(), overwrite.userId(),
					Permission.namesOf(overwrite.allow()), Permission.namesOf(overwrite.deny())));
		}
		return new ChannelView(Long.toString(channel.id()), Long.toString(channel.serverId()), channel.kind(),
				channel.name(), channel.topic(), channel.position(), idOrNull(channel.parentId()), overwrites,
				Permission.namesOf(permissions));
	}

	ChannelCreated created(Channel channel) {
		return new ChannelCreated(Long.toString(channel.id()), Long.toString(channel.serverId()), channel.kind(),
				channel.name(), channel.topic(), channel.position(), idOrNull(channel.parentId()),
				overwrites(channel.id()));
	}

	ChannelUpdated updated(Channel channel) {
		return new ChannelUpdated(Long.toString(channel.id()), Long.toString(channel.serverId()), channel.kind(),
				channel.name(), channel.topic(), channel.position(), idOrNull(channel.parentId()),
				overwrites(channel.id()));
	}

	static @Nullable String idOrNull(@Nullable Long id) {
		return (id != null) ? Long.toString(id) : null;
	}

	private static Channel channel(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Channel(rs.getLong("id"), rs.getLong("server_id"), rs.getString("kind"), rs.getString("name"),
				rs.getString("topic"), rs.getInt("position"), parentId, rs.getLong("version"));
	}

	/**
	 * A channel row.
	 *
	 * @param id the channel's id
	 * @param serverId its server
	 * @param kind {@code text} or {@code category}
	 * @param name its name
	 * @param topic its topic
	 * @param position where it sorts
	 * @param parentId its category
	 * @param version counts its changes (overwrites included): ETag and aggregateVersion
	 */
	record Channel(long id, long serverId, String kind, String name, @Nullable String topic, int position,
			@Nullable Long parentId, long version) {

		String etag() {
			return dev.flux.chat.web.EntityTag.of("c", this.version);
		}

	}

}
