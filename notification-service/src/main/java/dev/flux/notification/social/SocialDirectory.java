package dev.flux.notification.social;

import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.permission.Permission;
import dev.flux.notification.chat.Audience;
import dev.flux.notification.chat.AudienceSource;

/**
 * Direct message channels and their members, from {@code dm.*} (full state in each event,
 * the channel's version drops stale ones), as the audience of those channels and the DM
 * list of the gateway's snapshot; and whether a user wants notifications, from
 * {@code profile.privacy_updated} (a user never announced wants them, user-service's
 * default).
 */
@Service
public class SocialDirectory implements AudienceSource {

	/** What everyone in a DM may do there, as chat-service grants it. */
	static final long DIRECT = Permission.VIEW_CHANNEL.bit() | Permission.SEND_MESSAGES.bit()
			| Permission.READ_MESSAGE_HISTORY.bit();

	private final JdbcClient jdbc;

	SocialDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The DM channel at {@code version}; an older version changes nothing, and so does
	 * the same one (every instance and the durable consumer apply each event), unless it
	 * fills in what an instance from before V110 left out when it applied that version:
	 * kind, name and owner.
	 */
	@Transactional
	public void dmChanged(DmChannel channel, long version) {
		int applied = this.jdbc.sql("""
				insert into dm_channels (channel_id, version, kind, name, owner_id)
				values (:id, :version, :kind, :name, case when flux_storable(:owner) then cast(:owner as uuid) end)
				on conflict (channel_id) do update set version = excluded.version, kind = excluded.kind,
				  name = excluded.name, owner_id = excluded.owner_id
				where not dm_channels.deleted and (dm_channels.version < excluded.version
				  or (dm_channels.version = excluded.version
				    and (dm_channels.kind, dm_channels.name, dm_channels.owner_id)
				      is distinct from (excluded.kind, excluded.name, excluded.owner_id)))
				""")
			.param("id", channel.id())
			.param("version", version)
			.param("kind", channel.kind())
			.param("name", channel.name())
			.param("owner", channel.ownerId(), Types.OTHER)
			.update();
		if (applied == 0) {
			return;
		}
		this.jdbc.sql("delete from dm_members where channel_id = ?").param(channel.id()).update();
		for (UUID member : channel.memberIds()) {
			this.jdbc.sql("insert into dm_members (channel_id, user_id) select ?, ? where flux_storable(?)")
				.params(channel.id(), member, member)
				.update();
		}
	}

	/** The DM channel is gone. */
	@Transactional
	public void dmDeleted(long channelId, long version) {
		this.jdbc.sql("""
				insert into dm_channels (channel_id, version, deleted) values (?, ?, true)
				on conflict (channel_id) do update set version = excluded.version, deleted = true, name = null,
				  owner_id = null
				""").params(channelId, version).update();
		this.jdbc.sql("delete from dm_members where channel_id = ?").param(channelId).update();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Audience> audienceOf(long channelId) {
		List<UUID> members = this.jdbc.sql("select user_id from dm_members where channel_id = ?")
			.param(channelId)
			.query(UUID.class)
			.list();
		if (members.isEmpty()) {
			return Optional.empty();
		}
		Map<UUID, Long> permissions = new HashMap<>();
		members.forEach((member) -> permissions.put(member, DIRECT));
		return Optional.of(new Audience(channelId, null, permissions));
	}

	/**
	 * Whether a {@code dm.*} event of the channel was applied here (a deleted channel is
	 * known too).
	 */
	@Transactional(readOnly = true)
	public boolean knows(long channelId) {
		return this.jdbc.sql("select count(*) from dm_channels where channel_id = ?")
			.param(channelId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The DM channels the user is in, the most recently opened first (channel ids are
	 * time-ordered), with everyone in them.
	 */
	@Transactional(readOnly = true)
	public List<DmChannel> directMessagesOf(UUID userId) {
		return this.jdbc.sql("""
				select c.channel_id, c.kind, c.name, c.owner_id, array_agg(m.user_id order by m.user_id) as members
				from dm_members mine
				join dm_channels c on c.channel_id = mine.channel_id
				join dm_members m on m.channel_id = mine.channel_id
				where mine.user_id = ?
				group by c.channel_id
				order by c.channel_id desc""")
			.param(userId)
			.query((rs, row) -> new DmChannel(rs.getLong("channel_id"), rs.getString("kind"), rs.getString("name"),
					rs.getObject("owner_id", UUID.class), List.of((UUID[]) rs.getArray("members").getArray())))
			.list();
	}

	/** The user's choice at {@code version}; an older version changes nothing. */
	@Transactional
	public void preferenceChanged(UUID userId, boolean notificationsEnabled, long version) {
		this.jdbc.sql("""
				insert into notification_preferences (user_id, notifications_enabled, version)
				select ?, ?, ? where flux_storable(?)
				on conflict (user_id) do update set notifications_enabled = excluded.notifications_enabled,
				  version = excluded.version
				where notification_preferences.version < excluded.version
				""").params(userId, notificationsEnabled, version, userId).update();
	}

	/** Whether the user wants notifications (yes until they said otherwise). */
	@Transactional(readOnly = true)
	public boolean wantsNotifications(UUID userId) {
		return this.jdbc.sql("select notifications_enabled from notification_preferences where user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** Whether the user has a gateway session open on any instance. */
	@Transactional(readOnly = true)
	public boolean connected(UUID userId) {
		return this.jdbc.sql("select count(*) from gateway_sessions where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	/** Forgets a deleted account. */
	@Transactional
	public void forget(UUID userId) {
		this.jdbc.sql("delete from dm_members where user_id = ?").param(userId).update();
		this.jdbc.sql("update dm_channels set owner_id = null where owner_id = ?").param(userId).update();
		this.jdbc.sql("delete from notification_preferences where user_id = ?").param(userId).update();
	}

}
