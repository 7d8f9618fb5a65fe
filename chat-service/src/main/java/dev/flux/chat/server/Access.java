package dev.flux.chat.server;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.flux.events.permission.EffectivePermissions;
import dev.flux.events.permission.EffectivePermissions.Overwrite;
import dev.flux.chat.refusal.Refusal;

/**
 * Who may do what where: loads a member of a server, or a member in a channel, with what
 * their permissions are computed from. A server the caller is not a member of is not
 * found (its existence is not revealed); a missing permission is refused with 403.
 */
@Component
public class Access {

	private final JdbcClient jdbc;

	private final ChannelAccessRows rows;

	Access(JdbcClient jdbc, ChannelAccessRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * The caller as a member of the server.
	 * @throws Refusal 404 when the server does not exist or the caller is not in it
	 */
	public Member member(long serverId, UUID userId) {
		Member member = memberOrNull(serverId, userId);
		if (member == null) {
			throw Refusal.notFound("The server");
		}
		return member;
	}

	@Nullable Member memberOrNull(long serverId, UUID userId) {
		UUID owner = this.jdbc.sql("""
				select s.owner_id from servers s join members m on m.server_id = s.id and m.user_id = ?
				where s.id = ?
				""").params(userId, serverId).query(UUID.class).optional().orElse(null);
		if (owner == null) {
			return null;
		}
		Map<Long, Long> permissions = new HashMap<>();
		Map<Long, Integer> positions = new HashMap<>();
		this.jdbc.sql("select id, permissions, position from roles where server_id = ?").param(serverId).query((rs) -> {
			permissions.put(rs.getLong("id"), rs.getLong("permissions"));
			positions.put(rs.getLong("id"), rs.getInt("position"));
		});
		Set<Long> roles = new HashSet<>(
				this.jdbc.sql("select role_id from member_roles where server_id = ? and user_id = ?")
					.params(serverId, userId)
					.query(Long.class)
					.list());
		return new Member(serverId, owner, userId, roles, permissions, positions);
	}

	/**
	 * The caller in a server channel.
	 * @throws Refusal 404 when the channel does not exist or the caller is not in its
	 * server
	 */
	public ChannelAccess channel(long channelId, UUID userId) {
		ChannelRow channel = this.jdbc.sql("select server_id, kind from channels where id = ?")
			.param(channelId)
			.query((rs, row) -> new ChannelRow(rs.getLong("server_id"), rs.getString("kind")))
			.optional()
			.orElseThrow(() -> Refusal.notFound("The channel"));
		Member member = memberOrNull(channel.serverId(), userId);
		if (member == null) {
			throw Refusal.notFound("The channel");
		}
		return new ChannelAccess(channelId, channel.kind(), member, permissionsIn(member, channelId));
	}

	/**
	 * The caller in any channel where messages go: a server channel, or a direct message
	 * channel they are in.
	 * @throws Refusal 404 when the channel does not exist or the caller may not know that
	 * it does (not in its server, not in the DM)
	 */
	public ChannelAccess anyChannel(long channelId, UUID userId) {
		return this.rows.find(channelId, userId).orElseThrow(() -> Refusal.notFound("The channel"));
	}

	/**
	 * The caller in any channel, as {@link #anyChannel}, and a read of the channel in the
	 * same round trip; the caller sees the rows only after checking the access.
	 * @throws Refusal 404 as {@link #anyChannel}
	 */
	public <T> ChannelRead.Result<T> read(long channelId, UUID userId, ChannelRead<T> read) {
		return this.rows.findWith(channelId, userId, read).orElseThrow(() -> Refusal.notFound("The channel"));
	}

	/** The member's effective permission in a channel of their server. */
	long permissionsIn(Member member, long channelId) {
		Map<Long, Overwrite> roleOverwrites = new HashMap<>();
		Map<UUID, Overwrite> memberOverwrites = new HashMap<>();
		this.jdbc.sql("select role_id, user_id, allow, deny from overwrites where channel_id = ?")
			.param(channelId)
			.query((rs) -> {
				Overwrite overwrite = new Overwrite(rs.getLong("allow"), rs.getLong("deny"));
				long roleId = rs.getLong("role_id");
				if (rs.wasNull()) {
					memberOverwrites.put(rs.getObject("user_id", UUID.class), overwrite);
				}
				else {
					roleOverwrites.put(roleId, overwrite);
				}
			});
		return EffectivePermissions.of(member.serverId(), member.ownerId(), member.userId(), member.rolePermissions(),
				member.roleIds(), roleOverwrites, memberOverwrites);
	}

	private record ChannelRow(long serverId, String kind) {

	}

}
