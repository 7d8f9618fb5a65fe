package dev.flux.notification.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.flux.events.permission.EffectivePermissions;
import dev.flux.events.permission.EffectivePermissions.Overwrite;
import dev.flux.events.permission.Permission;

/**
 * One server as the projection last read it: owner, roles, members and channels. The
 * audience of each channel is computed once and kept until the server changes.
 */
final class ServerState {

	private final long serverId;

	private final String name;

	private final UUID ownerId;

	private final Map<Long, Long> rolePermissions;

	private final Map<UUID, Set<Long>> members;

	private final Map<Long, ChannelRow> channels;

	private final long loadedAt;

	private final Map<Long, Audience> audiences = new ConcurrentHashMap<>();

	ServerState(long serverId, String name, UUID ownerId, Map<Long, Long> rolePermissions, Map<UUID, Set<Long>> members,
			Map<Long, ChannelRow> channels, long loadedAt) {
		this.serverId = serverId;
		this.name = name;
		this.ownerId = ownerId;
		this.rolePermissions = Map.copyOf(rolePermissions);
		this.members = Map.copyOf(members);
		this.channels = Map.copyOf(channels);
		this.loadedAt = loadedAt;
	}

	long serverId() {
		return this.serverId;
	}

	String name() {
		return this.name;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	long loadedAt() {
		return this.loadedAt;
	}

	Set<UUID> members() {
		return this.members.keySet();
	}

	boolean isMember(UUID userId) {
		return this.members.containsKey(userId);
	}

	/** The members that have one of the roles. */
	Set<UUID> withAnyRole(Collection<Long> roleIds) {
		Set<UUID> found = new java.util.HashSet<>();
		this.members.forEach((user, roles) -> {
			if (roleIds.stream().anyMatch(roles::contains)) {
				found.add(user);
			}
		});
		return found;
	}

	Collection<ChannelRow> channels() {
		return this.channels.values();
	}

	/** The server-wide permission of a member. */
	long base(UUID userId) {
		Set<Long> roles = this.members.getOrDefault(userId, Set.of());
		return EffectivePermissions.base(this.ownerId.equals(userId),
				this.rolePermissions.getOrDefault(this.serverId, 0L),
				roles.stream().filter(this.rolePermissions::containsKey).map(this.rolePermissions::get).toList());
	}

	/**
	 * Who may view a channel of this server; null when the server has no such channel.
	 */
	@Nullable Audience audience(long channelId) {
		ChannelRow channel = this.channels.get(channelId);
		if (channel == null) {
			return null;
		}
		return this.audiences.computeIfAbsent(channelId, (id) -> compute(channel));
	}

	private Audience compute(ChannelRow channel) {
		Map<Long, Overwrite> roleOverwrites = new HashMap<>();
		Map<UUID, Overwrite> memberOverwrites = new HashMap<>();
		for (ChannelRow.Rule rule : channel.overwrites()) {
			if (rule.roleId() != null) {
				// A deleted role's overwrites went with it (chat-service cascades them).
				if (this.rolePermissions.containsKey(rule.roleId())) {
					roleOverwrites.put(rule.roleId(), new Overwrite(rule.allow(), rule.deny()));
				}
			}
			else if (rule.userId() != null) {
				memberOverwrites.put(rule.userId(), new Overwrite(rule.allow(), rule.deny()));
			}
		}
		Map<UUID, Long> permissions = new HashMap<>();
		this.members.forEach((user, roles) -> {
			long bits = EffectivePermissions.of(this.serverId, this.ownerId, user, this.rolePermissions, roles,
					roleOverwrites, memberOverwrites);
			if (Permission.VIEW_CHANNEL.in(bits)) {
				permissions.put(user, bits);
			}
		});
		return new Audience(channel.channelId(), this.serverId, permissions);
	}

	/**
	 * A channel as the projection keeps it.
	 *
	 * @param channelId the channel
	 * @param kind text or category
	 * @param name its name
	 * @param topic its topic
	 * @param position where it sorts
	 * @param parentId its category
	 * @param overwrites its permission overwrites
	 */
	record ChannelRow(long channelId, String kind, @Nullable String name, @Nullable String topic, int position,
			@Nullable Long parentId, List<Rule> overwrites) {

		/**
		 * One overwrite: for a role or for a member.
		 *
		 * @param roleId the role, null for a member
		 * @param userId the member, null for a role
		 * @param allow bits granted
		 * @param deny bits taken away
		 */
		record Rule(@Nullable Long roleId, @Nullable UUID userId, long allow, long deny) {
		}

	}

}
