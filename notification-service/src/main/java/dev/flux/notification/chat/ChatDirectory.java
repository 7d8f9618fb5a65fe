package dev.flux.notification.chat;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.MessageSent;
import dev.flux.events.permission.Permission;
import dev.flux.notification.chat.ServerState.ChannelRow;

/**
 * The gateway's view of chat: applies chat-service's structure events ({@code server.*},
 * {@code channel.*}, {@code role.*}) to the projection, and answers who may view a
 * channel and which servers a user is in. Servers are read from the projection on first
 * use and kept in memory until an event changes them (or for {@link #STALE_AFTER}, which
 * bounds how long a change this instance never saw can go unnoticed).
 */
@Service
public class ChatDirectory {

	/** How long a server read from the projection is trusted without an event. */
	static final Duration STALE_AFTER = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DirectoryWrites writes;

	private final JdbcClient jdbc;

	private final List<AudienceSource> otherSources;

	private final Map<Long, ServerState> servers = new ConcurrentHashMap<>();

	private final Map<Long, Long> serverOfChannel = new ConcurrentHashMap<>();

	/** Counts each server's changes, so a read that raced a change is not kept. */
	private final Map<Long, Long> generations = new ConcurrentHashMap<>();

	ChatDirectory(DirectoryWrites writes, JdbcClient jdbc, List<AudienceSource> otherSources) {
		this.writes = writes;
		this.jdbc = jdbc;
		this.otherSources = List.copyOf(otherSources);
	}

	/**
	 * Applies a structure event to the projection (a no-op when a newer version is there)
	 * and forgets the server it changed once that is committed.
	 * @return the server the event is about, null when the payload is no structure event
	 */
	public @Nullable Long apply(Object payload, EventEnvelope envelope) {
		Long serverId = this.writes.apply(payload, envelope.aggregateVersion());
		if (serverId != null) {
			forgetAfterCommit(serverId);
		}
		return serverId;
	}

	/** Who may view a channel; empty for a channel nobody here knows. */
	public Optional<Audience> audience(long channelId) {
		Long serverId = serverOf(channelId);
		if (serverId == null) {
			for (AudienceSource source : this.otherSources) {
				Optional<Audience> audience = source.audienceOf(channelId);
				if (audience.isPresent()) {
					return audience;
				}
			}
			return Optional.empty();
		}
		ServerState server = server(serverId);
		return Optional.ofNullable((server != null) ? server.audience(channelId) : null);
	}

	/**
	 * The users a server message mentions who may view its channel, the author left out:
	 * by name, by role, or all of them with @everyone (which chat-service only lets
	 * through from an author with MENTION_EVERYONE). Empty for a channel nobody here
	 * knows.
	 */
	public Set<UUID> mentioned(MessageSent sent) {
		if (sent.mentions().users().isEmpty() && sent.mentions().roles().isEmpty() && !sent.mentions().everyone()) {
			return Set.of();
		}
		Audience audience = audience(Long.parseLong(sent.channelId())).orElse(null);
		if (audience == null) {
			return Set.of();
		}
		Set<UUID> mentioned = new LinkedHashSet<>(sent.mentions().users());
		if (sent.mentions().everyone()) {
			mentioned.addAll(audience.viewers());
		}
		else if (audience.serverId() != null) {
			mentioned
				.addAll(withAnyRole(audience.serverId(), sent.mentions().roles().stream().map(Long::valueOf).toList()));
		}
		mentioned.remove(sent.authorId());
		mentioned.removeIf((user) -> !audience.canView(user));
		return mentioned;
	}

	/** The members of a server, empty when it is unknown or deleted. */
	public Set<UUID> membersOf(long serverId) {
		ServerState server = server(serverId);
		return (server != null) ? server.members() : Set.of();
	}

	/**
	 * The members a server had when it was deleted (its members' rows outlive it), or has
	 * now if it is not deleted.
	 */
	public Set<UUID> lastMembersOf(long serverId) {
		return Set.copyOf(this.jdbc.sql("select user_id from chat_members where server_id = ? and present")
			.param(serverId)
			.query(UUID.class)
			.list());
	}

	/** The members of a server that have one of the roles. */
	public Set<UUID> withAnyRole(long serverId, Collection<Long> roleIds) {
		ServerState server = server(serverId);
		return (server != null && !roleIds.isEmpty()) ? server.withAnyRole(roleIds) : Set.of();
	}

	/**
	 * The servers a user is a member of, each with the channels the user may view and the
	 * user's permissions: what the gateway's snapshot shows.
	 */
	public List<ServerView> serversOf(UUID userId) {
		List<Long> ids = this.jdbc.sql("""
				select m.server_id from chat_members m join chat_servers s on s.server_id = m.server_id
				where m.user_id = ? and m.present and not s.deleted order by m.server_id
				""").param(userId).query(Long.class).list();
		return ids.stream()
			.map(this::server)
			.filter((server) -> server != null && server.isMember(userId))
			.map((server) -> view(server, userId))
			.toList();
	}

	/**
	 * Erases a deleted account's memberships (servers it owned have passed on or been
	 * deleted by chat-service's own events); the cached servers forget it within their
	 * refresh, and its sockets are closed already.
	 */
	public void forget(UUID userId) {
		this.jdbc.sql("delete from chat_members where user_id = ?").param(userId).update();
	}

	/** Forgets every server read so far: the next use reads them again. */
	public void forgetAll() {
		this.servers.clear();
	}

	private static ServerView view(ServerState server, UUID userId) {
		List<ChannelView> channels = server.channels()
			.stream()
			.sorted(Comparator.comparingInt(ChannelRow::position).thenComparingLong(ChannelRow::channelId))
			.map((channel) -> {
				Audience audience = server.audience(channel.channelId());
				Long bits = (audience != null) ? audience.permissions().get(userId) : null;
				return (bits == null) ? null
						: new ChannelView(Long.toString(channel.channelId()), channel.kind(), channel.name(),
								channel.topic(), channel.position(),
								(channel.parentId() != null) ? Long.toString(channel.parentId()) : null,
								Permission.namesOf(bits));
			})
			.filter((channel) -> channel != null)
			.toList();
		return new ServerView(Long.toString(server.serverId()), server.name(), server.ownerId(),
				Permission.namesOf(server.base(userId)), channels);
	}

	private @Nullable Long serverOf(long channelId) {
		Long known = this.serverOfChannel.get(channelId);
		if (known != null) {
			return known;
		}
		Long serverId = this.jdbc.sql("select server_id from chat_channels where channel_id = ?")
			.param(channelId)
			.query((rs, row) -> (Long) rs.getObject("server_id", Long.class))
			.optional()
			.orElse(null);
		if (serverId != null) {
			this.serverOfChannel.put(channelId, serverId);
		}
		return serverId;
	}

	private @Nullable ServerState server(long serverId) {
		ServerState cached = this.servers.get(serverId);
		long now = System.nanoTime();
		if (cached != null && now - cached.loadedAt() < STALE_AFTER.toNanos()) {
			return cached;
		}
		long generation = this.generations.getOrDefault(serverId, 0L);
		ServerState loaded = load(serverId, now);
		if (loaded == null) {
			this.servers.remove(serverId);
			return null;
		}
		if (this.generations.getOrDefault(serverId, 0L) == generation) {
			this.servers.put(serverId, loaded);
		}
		return loaded;
	}

	private @Nullable ServerState load(long serverId, long now) {
		record Head(String name, UUID ownerId) {
		}
		Head head = this.jdbc.sql("select name, owner_id from chat_servers where server_id = ? and not deleted")
			.param(serverId)
			.query((rs, row) -> new Head(rs.getString("name"), rs.getObject("owner_id", UUID.class)))
			.optional()
			.orElse(null);
		if (head == null) {
			return null;
		}
		Map<Long, Long> roles = new HashMap<>();
		this.jdbc.sql("select role_id, permissions from chat_roles where server_id = ? and not deleted")
			.param(serverId)
			.query((rs) -> {
				roles.put(rs.getLong("role_id"), rs.getLong("permissions"));
			});
		Map<UUID, Set<Long>> members = new HashMap<>();
		this.jdbc.sql("select user_id, role_ids from chat_members where server_id = ? and present")
			.param(serverId)
			.query((rs) -> {
				Set<Long> memberRoles = new HashSet<>();
				for (Object id : (Object[]) rs.getArray("role_ids").getArray()) {
					memberRoles.add(((Number) id).longValue());
				}
				members.put(rs.getObject("user_id", UUID.class), Set.copyOf(memberRoles));
			});
		Map<Long, ChannelRow> channels = new HashMap<>();
		this.jdbc.sql("""
				select channel_id, kind, name, topic, position, parent_id, overwrites::text as overwrites
				from chat_channels where server_id = ? and not deleted
				""").param(serverId).query((rs) -> {
			long parent = rs.getLong("parent_id");
			ChannelRow channel = new ChannelRow(rs.getLong("channel_id"), rs.getString("kind"), rs.getString("name"),
					rs.getString("topic"), rs.getInt("position"), rs.wasNull() ? null : parent,
					rules(rs.getString("overwrites")));
			channels.put(channel.channelId(), channel);
		});
		return new ServerState(serverId, head.name(), head.ownerId(), roles, members, channels, now);
	}

	private static List<ChannelRow.Rule> rules(String json) {
		JsonNode array = JSON.readTree(json);
		return array.valueStream().map((rule) -> {
			JsonNode role = rule.path("roleId");
			JsonNode user = rule.path("userId");
			return new ChannelRow.Rule(role.isString() ? Long.valueOf(role.asString()) : null,
					user.isString() ? UUID.fromString(user.asString()) : null, rule.path("allow").asLong(0),
					rule.path("deny").asLong(0));
		}).toList();
	}

	private void forgetAfterCommit(long serverId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget(serverId);
				}
			});
		}
		else {
			forget(serverId);
		}
	}

	private void forget(long serverId) {
		this.generations.merge(serverId, 1L, Long::sum);
		this.servers.remove(serverId);
	}

	/**
	 * A server in the snapshot.
	 *
	 * @param id the server's id
	 * @param name its name
	 * @param ownerId its owner
	 * @param permissions the user's server-wide permissions
	 * @param channels the channels the user may view, by position
	 */
	public record ServerView(String id, String name, UUID ownerId, List<String> permissions,
			List<ChannelView> channels) {
	}

	/**
	 * A channel in the snapshot.
	 *
	 * @param id the channel's id
	 * @param type text or category
	 * @param name its name
	 * @param topic its topic, null when none
	 * @param position where it sorts
	 * @param parentId its category, null when none
	 * @param permissions the user's permissions in it
	 */
	public record ChannelView(String id, String type, @Nullable String name, @Nullable String topic, int position,
			@Nullable String parentId, List<String> permissions) {
	}

}
