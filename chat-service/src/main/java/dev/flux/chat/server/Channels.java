package dev.flux.chat.server;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.id.Snowflakes;
import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.ChannelRows.Channel;
import dev.flux.chat.server.Views.ChannelView;
import dev.flux.chat.server.Views.Tagged;
import dev.flux.chat.web.EntityTag;
import dev.flux.events.contract.ChannelDeleted;

/**
 * Channels of servers: text channels and categories with a position and a topic, and
 * their permission overwrites. Creating, editing and deleting need MANAGE_CHANNELS;
 * overwrites need MANAGE_ROLES, and can only grant or deny what the caller holds.
 */
@Service
public class Channels {

	private final JdbcClient jdbc;

	private final Snowflakes ids;

	private final ChannelRows rows;

	private final ServerEvents events;

	private final Access access;

	private final Clock clock;

	Channels(JdbcClient jdbc, Snowflakes ids, ChannelRows rows, ServerEvents events, Access access, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.rows = rows;
		this.events = events;
		this.access = access;
		this.clock = clock;
	}

	@Transactional
	public Tagged<ChannelView> create(long serverId, UUID userId, ChannelDraft draft) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_CHANNELS);
		checkParent(serverId, draft.kind(), draft.parentId());
		int position = (draft.position() != null) ? draft.position() : this.rows.nextPosition(serverId);
		Channel channel = new Channel(this.ids.next(), serverId, draft.kind(), draft.name(), draft.topic(), position,
				draft.parentId(), 1);
		this.rows.insert(channel, this.clock.instant());
		this.events.channel(channel.id(), channel.version(), this.rows.created(channel));
		return new Tagged<>(this.rows.view(channel, this.access.permissionsIn(member, channel.id())), channel.etag());
	}

	/** The server's channels the caller may view, by position. */
	@Transactional(readOnly = true)
	public List<ChannelView> list(long serverId, UUID userId) {
		Member member = this.access.member(serverId, userId);
		return this.rows.ofServer(serverId)
			.stream()
			.map((channel) -> this.rows.view(channel, this.access.permissionsIn(member, channel.id())))
			.filter((view) -> view.permissions().contains(Permission.VIEW_CHANNEL.name()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Tagged<ChannelView> get(long channelId, UUID userId) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.VIEW_CHANNEL);
		Channel channel = this.rows.find(channelId).orElseThrow(() -> Refusal.notFound("The channel"));
		return new Tagged<>(this.rows.view(channel, access.permissions()), channel.etag());
	}

	/** Changes what {@code edit} names; the {@code If-Match} is the channel's tag. */
	@Transactional
	public Tagged<ChannelView> edit(long channelId, UUID userId, ChannelEdit edit, @Nullable String ifMatch) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.MANAGE_CHANNELS);
		Channel channel = lock(channelId, ifMatch);
		Long parentId = edit.changes("parentId") ? edit.parentId() : channel.parentId();
		if (edit.changes("parentId")) {
			checkParent(channel.serverId(), channel.kind(), parentId);
		}
		Channel candidate = new Channel(channel.id(), channel.serverId(), channel.kind(),
				edit.changes("name") ? required(edit.name()) : channel.name(),
				edit.changes("topic") ? edit.topic() : channel.topic(),
				edit.changes("position") ? required(edit.position()) : channel.position(), parentId, channel.version());
		if (candidate.equals(channel)) {
			return new Tagged<>(this.rows.view(channel, access.permissions()), channel.etag());
		}
		Channel changed = new Channel(candidate.id(), candidate.serverId(), candidate.kind(), candidate.name(),
				candidate.topic(), candidate.position(), candidate.parentId(), channel.version() + 1);
		this.rows.update(changed);
		this.events.channel(channelId, changed.version(), this.rows.updated(changed));
		return new Tagged<>(this.rows.view(changed, this.access.permissionsIn(access.member(), channelId)),
				changed.etag());
	}

	@Transactional
	public void delete(long channelId, UUID userId, @Nullable String ifMatch) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.MANAGE_CHANNELS);
		Channel channel = lock(channelId, ifMatch);
		this.events.channel(channelId, channel.version() + 1,
				new ChannelDeleted(Long.toString(channelId), Long.toString(channel.serverId())));
		this.jdbc.sql("delete from channels where id = ?").param(channelId).update();
	}

	/**
	 * Sets the overwrite of a role ({@code roleId}) or a member ({@code memberId}) in the
	 * channel.
	 */
	@Transactional
	public Tagged<ChannelView> overwrite(long channelId, UUID userId, @Nullable Long roleId, @Nullable UUID memberId,
			long allow, long deny, @Nullable String ifMatch) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.MANAGE_ROLES);
		access.member().requireHolds(allow | deny);
		Channel channel = lock(channelId, ifMatch);
		checkTarget(channel.serverId(), roleId, memberId);
		if (roleId != null) {
			this.jdbc.sql("""
					insert into overwrites (channel_id, role_id, allow, deny) values (?, ?, ?, ?)
					on conflict (channel_id, role_id) where role_id is not null
					do update set allow = excluded.allow, deny = excluded.deny
					""").params(channelId, roleId, allow, deny).update();
		}
		else {
			this.jdbc.sql("""
					insert into overwrites (channel_id, user_id, allow, deny) values (?, ?, ?, ?)
					on conflict (channel_id, user_id) where user_id is not null
					do update set allow = excluded.allow, deny = excluded.deny
					""").params(channelId, memberId, allow, deny).update();
		}
		return overwritten(access, channel);
	}

	/**
	 * Removes the overwrite of a role or a member; nothing changes when there is none.
	 */
	@Transactional
	public Tagged<ChannelView> removeOverwrite(long channelId, UUID userId, @Nullable Long roleId,
			@Nullable UUID memberId, @Nullable String ifMatch) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.MANAGE_ROLES);
		Channel channel = lock(channelId, ifMatch);
		int removed = (roleId != null)
				? this.jdbc.sql("delete from overwrites where channel_id = ? and role_id = ?")
					.params(channelId, roleId)
					.update()
				: this.jdbc.sql("delete from overwrites where channel_id = ? and user_id = ?")
					.params(channelId, memberId)
					.update();
		if (removed == 0) {
			return new Tagged<>(this.rows.view(channel, access.permissions()), channel.etag());
		}
		return overwritten(access, channel);
	}

	private Tagged<ChannelView> overwritten(ChannelAccess access, Channel channel) {
		Channel changed = new Channel(channel.id(), channel.serverId(), channel.kind(), channel.name(), channel.topic(),
				channel.position(), channel.parentId(), channel.version() + 1);
		this.rows.update(changed);
		this.events.channel(channel.id(), changed.version(), this.rows.updated(changed));
		return new Tagged<>(this.rows.view(changed, this.access.permissionsIn(access.member(), channel.id())),
				changed.etag());
	}

	private Channel lock(long channelId, @Nullable String ifMatch) {
		Channel channel = this.rows.lock(channelId).orElseThrow(() -> Refusal.notFound("The channel"));
		EntityTag.checkIfMatch(ifMatch, channel.etag());
		return channel;
	}

	private void checkParent(long serverId, String kind, @Nullable Long parentId) {
		if (parentId == null) {
			return;
		}
		if (kind.equals("category")) {
			throw Refusal.invalid("parentId", "a category cannot sit in another category");
		}
		boolean category = this.jdbc
			.sql("select count(*) from channels where id = ? and server_id = ? and kind = 'category'")
			.params(parentId, serverId)
			.query(Long.class)
			.single() > 0;
		if (!category) {
			throw Refusal.invalid("parentId", "must be a category of the same server");
		}
	}

	private void checkTarget(long serverId, @Nullable Long roleId, @Nullable UUID memberId) {
		boolean exists = (roleId != null)
				? this.jdbc.sql("select count(*) from roles where id = ? and server_id = ?")
					.params(roleId, serverId)
					.query(Long.class)
					.single() > 0
				: this.jdbc.sql("select count(*) from members where server_id = ? and user_id = ?")
					.params(serverId, memberId)
					.query(Long.class)
					.single() > 0;
		if (!exists) {
			throw Refusal.notFound((roleId != null) ? "The role" : "The member");
		}
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw Refusal.invalid("body", "name and position cannot be null");
		}
		return value;
	}

	/**
	 * A new channel.
	 *
	 * @param name its name, 1 to 100 characters
	 * @param kind {@code text} or {@code category}
	 * @param topic its topic, up to 1,024 characters
	 * @param position where it sorts; null puts it last
	 * @param parentId the category to put it in
	 */
	public record ChannelDraft(String name, String kind, @Nullable String topic, @Nullable Integer position,
			@Nullable Long parentId) {

	}

	/**
	 * A channel edit: the fields named in {@code fields} change to the values given (null
	 * clears topic and category).
	 */
	public record ChannelEdit(java.util.Set<String> fields, @Nullable String name, @Nullable String topic,
			@Nullable Integer position, @Nullable Long parentId) {

		boolean changes(String field) {
			return this.fields.contains(field);
		}

	}

}
