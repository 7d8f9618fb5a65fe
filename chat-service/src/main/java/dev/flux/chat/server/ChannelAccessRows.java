package dev.flux.chat.server;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.flux.events.permission.EffectivePermissions;
import dev.flux.events.permission.EffectivePermissions.Overwrite;

/**
 * Everything a message send or history page checks, read in one statement: the channel,
 * the caller's membership of its server or DM, the server's roles, the caller's roles and
 * the channel's overwrites. Every send and page used to take six round trips for this;
 * {@code ./flux bench chat} showed them as most of a send's time on a busy machine.
 */
@Component
class ChannelAccessRows {

	private static final String SQL = """
			select c.kind, c.server_id, s.owner_id,
			  exists (select 1 from dm_members d where d.channel_id = c.id and d.user_id = ?) as in_dm,
			  r.ids as role_ids, r.permissions as role_permissions, r.positions as role_positions,
			  array(select mr.role_id from member_roles mr where mr.server_id = c.server_id and mr.user_id = ?)
			    as member_roles,
			  o.role_ids as overwrite_roles, o.user_ids as overwrite_users, o.allows, o.denies
			from channels c
			left join members m on m.server_id = c.server_id and m.user_id = ?
			left join servers s on s.id = m.server_id
			left join lateral (
			  select array_agg(id) as ids, array_agg(permissions) as permissions, array_agg(position) as positions
			  from roles where server_id = c.server_id) r on true
			left join lateral (
			  select array_agg(role_id) as role_ids, array_agg(user_id) as user_ids, array_agg(allow) as allows,
			    array_agg(deny) as denies
			  from overwrites where channel_id = c.id) o on true
			where c.id = ?
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ChannelAccessRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The caller in the channel, empty when the channel does not exist or the caller is
	 * in neither its server nor its DM.
	 */
	Optional<ChannelAccess> find(long channelId, UUID userId) {
		return this.jdbc.sql(SQL)
			.params(params(channelId, userId))
			.query((rs, row) -> access(rs, channelId, userId))
			.optional()
			.flatMap(Optional::ofNullable);
	}

	/**
	 * The caller in the channel and the rows of {@code read}, both statements in one
	 * message to PostgreSQL (pgjdbc sends a multi-statement prepared statement as one
	 * batch): a history page used to wait for the access statement before it sent its
	 * own. The rows are read whatever the access is, and mapped only when there is one.
	 */
	<T> Optional<ChannelRead.Result<T>> findWith(long channelId, UUID userId, ChannelRead<T> read) {
		return this.template.execute((ConnectionCallback<Optional<ChannelRead.Result<T>>>) (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(SQL + ";\n" + read.sql())) {
				int index = 0;
				for (Object param : params(channelId, userId)) {
					statement.setObject(++index, param);
				}
				for (Object param : read.params()) {
					statement.setObject(++index, param);
				}
				statement.execute();
				ChannelAccess access = null;
				try (ResultSet rs = statement.getResultSet()) {
					if (rs.next()) {
						access = access(rs, channelId, userId);
					}
				}
				if (access == null || !statement.getMoreResults()) {
					return Optional.empty();
				}
				List<T> rows = new ArrayList<>();
				try (ResultSet rs = statement.getResultSet()) {
					while (rs.next()) {
						rows.add(read.mapper().mapRow(rs, rows.size()));
					}
				}
				return Optional.of(new ChannelRead.Result<>(access, rows));
			}
		});
	}

	/** The parameters of {@link #SQL}, in order. */
	private static List<Object> params(long channelId, UUID userId) {
		return List.of(userId, userId, userId, channelId);
	}

	private static @Nullable ChannelAccess access(ResultSet rs, long channelId, UUID userId) throws SQLException {
		String kind = rs.getString("kind");
		if (kind.equals("dm") || kind.equals("group_dm")) {
			return rs.getBoolean("in_dm") ? ChannelAccess.direct(channelId, kind) : null;
		}
		UUID owner = rs.getObject("owner_id", UUID.class);
		if (owner == null) {
			return null; // not a member of the channel's server
		}
		long serverId = rs.getLong("server_id");
		List<Long> ids = longs(rs.getArray("role_ids"));
		List<Long> bits = longs(rs.getArray("role_permissions"));
		List<Integer> positions = ints(rs.getArray("role_positions"));
		Map<Long, Long> permissions = new HashMap<>();
		Map<Long, Integer> rolePositions = new HashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			permissions.put(ids.get(i), bits.get(i));
			rolePositions.put(ids.get(i), positions.get(i));
		}
		Set<Long> roles = new HashSet<>(longs(rs.getArray("member_roles")));
		Member member = new Member(serverId, owner, userId, roles, permissions, rolePositions);

		List<Long> overwriteRoles = longs(rs.getArray("overwrite_roles"));
		List<UUID> overwriteUsers = uuids(rs.getArray("overwrite_users"));
		List<Long> allows = longs(rs.getArray("allows"));
		List<Long> denies = longs(rs.getArray("denies"));
		Map<Long, Overwrite> roleOverwrites = new HashMap<>();
		Map<UUID, Overwrite> memberOverwrites = new HashMap<>();
		for (int i = 0; i < allows.size(); i++) {
			Overwrite overwrite = new Overwrite(allows.get(i), denies.get(i));
			if (overwriteRoles.get(i) != null) {
				roleOverwrites.put(overwriteRoles.get(i), overwrite);
			}
			else {
				memberOverwrites.put(overwriteUsers.get(i), overwrite);
			}
		}
		long effective = EffectivePermissions.of(serverId, owner, userId, member.rolePermissions(), member.roleIds(),
				roleOverwrites, memberOverwrites);
		return new ChannelAccess(channelId, kind, member, effective);
	}

	// array_agg over no rows is null, and an overwrite's role or user is null: lists keep
	// both.

	private static List<Long> longs(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((Long[]) array.getArray()) : List.of();
	}

	private static List<Integer> ints(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((Integer[]) array.getArray()) : List.of();
	}

	private static List<UUID> uuids(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((UUID[]) array.getArray()) : List.of();
	}

}
