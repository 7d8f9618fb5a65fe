package dev.flux.notification.chat;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.events.contract.ChannelCreated;
import dev.flux.events.contract.ChannelDeleted;
import dev.flux.events.contract.ChannelOverwrite;
import dev.flux.events.contract.ChannelUpdated;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.MemberLeft;
import dev.flux.events.contract.MemberUpdated;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.RoleDeleted;
import dev.flux.events.contract.RoleUpdated;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.contract.ServerUpdated;

/**
 * Writes one structure event into the projection tables. Every write is one statement
 * that wins only over an older version of its row, so the durable consumer and every
 * gateway instance can apply the same events in any order, any number of times.
 */
@Component
class DirectoryWrites {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	DirectoryWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applies the event; answers the server it is about, null when it is no structure
	 * event.
	 */
	@Nullable Long apply(Object payload, long version) {
		return switch (payload) {
			case ServerCreated created -> server(created.serverId(), created.name(), created.ownerId(), false, version);
			case ServerUpdated updated -> server(updated.serverId(), updated.name(), updated.ownerId(), false, version);
			case ServerDeleted deleted -> tombstone(deleted.serverId(), version);
			case MemberJoined joined -> member(joined.serverId(), joined.userId(), List.of(), true, version);
			case MemberUpdated updated ->
				member(updated.serverId(), updated.userId(), updated.roleIds(), true, version);
			case MemberLeft left -> member(left.serverId(), left.userId(), List.of(), false, version);
			case RoleCreated role ->
				role(role.roleId(), role.serverId(), role.name(), role.permissions(), role.position(), false, version);
			case RoleUpdated role ->
				role(role.roleId(), role.serverId(), role.name(), role.permissions(), role.position(), false, version);
			case RoleDeleted role -> role(role.roleId(), role.serverId(), "", 0, 0, true, version);
			case ChannelCreated channel ->
				channel(channel.channelId(), channel.serverId(), channel.type(), channel.name(), channel.topic(),
						channel.position(), channel.parentId(), channel.overwrites(), false, version);
			case ChannelUpdated channel ->
				channel(channel.channelId(), channel.serverId(), channel.type(), channel.name(), channel.topic(),
						channel.position(), channel.parentId(), channel.overwrites(), false, version);
			case ChannelDeleted channel ->
				channel(channel.channelId(), channel.serverId(), "text", null, null, 0, null, List.of(), true, version);
			default -> null;
		};
	}

	private Long server(String serverId, String name, UUID ownerId, boolean deleted, long version) {
		long id = Long.parseLong(serverId);
		this.jdbc.sql("""
				insert into chat_servers (server_id, name, owner_id, deleted, version) values (?, ?, ?, ?, ?)
				on conflict (server_id) do update set name = excluded.name, owner_id = excluded.owner_id,
				  deleted = excluded.deleted, version = excluded.version
				where chat_servers.version < excluded.version and not chat_servers.deleted
				""").params(id, name, ownerId, deleted, version).update();
		return id;
	}

	private Long tombstone(String serverId, long version) {
		long id = Long.parseLong(serverId);
		this.jdbc.sql("""
				insert into chat_servers (server_id, name, owner_id, deleted, version)
				values (?, '', '00000000-0000-0000-0000-000000000000', true, ?)
				on conflict (server_id) do update set deleted = true, version = excluded.version
				where chat_servers.version < excluded.version
				""").params(id, version).update();
		return id;
	}

	private Long member(String serverId, UUID userId, List<String> roleIds, boolean present, long version) {
		long id = Long.parseLong(serverId);
		Long[] roles = roleIds.stream().map(Long::valueOf).toArray(Long[]::new);
		// Never for a deleted account: a membership event arriving after (or while)
		// user.deleted is applied would otherwise bring its id back.
		this.jdbc.sql("""
				insert into chat_members (server_id, user_id, role_ids, present, version)
				select ?, ?, ?, ?, ? where flux_storable(?)
				on conflict (server_id, user_id) do update set role_ids = excluded.role_ids,
				  present = excluded.present, version = excluded.version
				where chat_members.version < excluded.version
				""").params(id, userId, roles, present, version, userId).update();
		return id;
	}

	private Long role(String roleId, String serverId, String name, long permissions, int position, boolean deleted,
			long version) {
		long server = Long.parseLong(serverId);
		this.jdbc.sql("""
				insert into chat_roles (role_id, server_id, name, permissions, position, deleted, version)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (role_id) do update set name = excluded.name, permissions = excluded.permissions,
				  position = excluded.position, deleted = excluded.deleted, version = excluded.version
				where chat_roles.version < excluded.version and not chat_roles.deleted
				""").params(Long.parseLong(roleId), server, name, permissions, position, deleted, version).update();
		return server;
	}

	private Long channel(String channelId, String serverId, String kind, @Nullable String name, @Nullable String topic,
			int position, @Nullable String parentId, List<ChannelOverwrite> overwrites, boolean deleted, long version) {
		long server = Long.parseLong(serverId);
		this.jdbc.sql("""
				insert into chat_channels
				  (channel_id, server_id, kind, name, topic, position, parent_id, overwrites, deleted, version)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
				on conflict (channel_id) do update set kind = excluded.kind, name = excluded.name,
				  topic = excluded.topic, position = excluded.position, parent_id = excluded.parent_id,
				  overwrites = excluded.overwrites, deleted = excluded.deleted, version = excluded.version
				where chat_channels.version < excluded.version and not chat_channels.deleted
				""")
			.params(Long.parseLong(channelId), server, kind, name, topic, position,
					(parentId != null) ? Long.parseLong(parentId) : null, JSON.writeValueAsString(overwrites), deleted,
					version)
			.update();
		return server;
	}

}
