package dev.flux.chat.server;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Views.BanView;
import dev.flux.chat.server.Views.MemberPage;
import dev.flux.chat.server.Views.MemberView;
import dev.flux.chat.user.ChatUsers;
import dev.flux.chat.user.ChatUsers.UserView;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.MemberLeft;

/**
 * Who is in a server: joining (through {@link Invites}), leaving, kicks and bans (a
 * banned user cannot rejoin until unbanned), nicknames, and the member list in join
 * order. Kicks, bans and others' nicknames act only on members below the caller's highest
 * role.
 */
@Service
public class Members {

	private final JdbcClient jdbc;

	private final ServerEvents events;

	private final Access access;

	private final Roles roles;

	private final ChatUsers users;

	private final Clock clock;

	Members(JdbcClient jdbc, ServerEvents events, Access access, Roles roles, ChatUsers users, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.access = access;
		this.roles = roles;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * Adds the user to the server; a member already there stays as they are.
	 * @return whether the user joined now
	 * @throws Refusal 403 when the user is banned from the server
	 */
	@Transactional
	boolean join(long serverId, UUID userId) {
		if (banned(serverId, userId)) {
			throw Refusal.forbidden("banned", "You are banned from this server.");
		}
		int added = this.jdbc.sql("""
				insert into members (server_id, user_id, joined_at) values (?, ?, ?) on conflict do nothing
				""").params(serverId, userId, Timestamp.from(this.clock.instant())).update();
		if (added > 0) {
			this.events.server(serverId, new MemberJoined(Long.toString(serverId), userId));
		}
		return added > 0;
	}

	@Transactional
	public void leave(long serverId, UUID userId) {
		Member member = this.access.member(serverId, userId);
		if (member.isOwner()) {
			throw Refusal.conflict("owner-cannot-leave",
					"The owner cannot leave the server; delete it or give it to someone else first.");
		}
		remove(serverId, userId, "left");
	}

	@Transactional
	public void kick(long serverId, UUID targetId, UUID userId) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.KICK_MEMBERS);
		Member target = this.access.memberOrNull(serverId, targetId);
		if (target == null) {
			throw Refusal.notFound("The member");
		}
		requireAbove(member, target);
		remove(serverId, targetId, "kicked");
	}

	/** Bans a user (a member or not), removing them when they are in the server. */
	@Transactional
	public void ban(long serverId, UUID targetId, UUID userId, @Nullable String reason) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.BAN_MEMBERS);
		Member target = this.access.memberOrNull(serverId, targetId);
		if (target != null) {
			requireAbove(member, target);
		}
		if (targetId.equals(member.ownerId())) {
			throw Refusal.forbidden("role-hierarchy", "The owner cannot be banned.");
		}
		this.jdbc.sql("""
				insert into bans (server_id, user_id, reason, banned_by, banned_at) values (?, ?, ?, ?, ?)
				on conflict (server_id, user_id) do update set reason = excluded.reason
				""").params(serverId, targetId, reason, userId, Timestamp.from(this.clock.instant())).update();
		if (target != null) {
			remove(serverId, targetId, "banned");
		}
	}

	@Transactional
	public void unban(long serverId, UUID targetId, UUID userId) {
		this.access.member(serverId, userId).require(Permission.BAN_MEMBERS);
		this.jdbc.sql("delete from bans where server_id = ? and user_id = ?").params(serverId, targetId).update();
	}

	@Transactional(readOnly = true)
	public List<BanView> bans(long serverId, UUID userId) {
		this.access.member(serverId, userId).require(Permission.BAN_MEMBERS);
		return this.jdbc.sql("select user_id, reason, banned_at from bans where server_id = ? order by banned_at")
			.param(serverId)
			.query((rs, row) -> new BanView(rs.getObject("user_id", UUID.class), rs.getString("reason"),
					rs.getTimestamp("banned_at").toInstant()))
			.list();
	}

	/**
	 * Members in join order, after the member at {@code after} (a previous page's next).
	 */
	@Transactional(readOnly = true)
	public MemberPage page(long serverId, UUID userId, long after, int limit) {
		this.access.member(serverId, userId);
		record Row(UUID userId, @Nullable String nickname, java.time.Instant joinedAt, long position) {
		}
		List<Row> rows = this.jdbc.sql("""
				select user_id, nickname, joined_at, position from members
				where server_id = ? and position > ? order by position limit ?
				""")
			.params(serverId, after, limit + 1)
			.query((rs, row) -> new Row(rs.getObject("user_id", UUID.class), rs.getString("nickname"),
					rs.getTimestamp("joined_at").toInstant(), rs.getLong("position")))
			.list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		Map<UUID, UserView> users = this.users.views(page.stream().map(Row::userId).toList());
		Map<UUID, List<String>> roles = new HashMap<>();
		if (!page.isEmpty()) {
			this.jdbc.sql("select user_id, role_id from member_roles where server_id = ? and user_id = any(?::uuid[])")
				.params(serverId, page.stream().map((row) -> row.userId().toString()).toArray(String[]::new))
				.query((rs) -> {
					roles.computeIfAbsent(rs.getObject("user_id", UUID.class), (id) -> new ArrayList<>())
						.add(Long.toString(rs.getLong("role_id")));
				});
		}
		List<MemberView> members = page.stream()
			.map((row) -> new MemberView(users.get(row.userId()), row.nickname(),
					roles.getOrDefault(row.userId(), List.of()), row.joinedAt(), row.position()))
			.toList();
		return new MemberPage(members, more ? page.get(page.size() - 1).position() : null);
	}

	/**
	 * Sets a member's nickname (null clears it): their own with CHANGE_NICKNAME, someone
	 * else's with MANAGE_NICKNAMES.
	 */
	@Transactional
	public void nickname(long serverId, UUID targetId, UUID userId, @Nullable String nickname) {
		Member member = this.access.member(serverId, userId);
		if (targetId.equals(userId)) {
			member.require(Permission.CHANGE_NICKNAME);
		}
		else {
			member.require(Permission.MANAGE_NICKNAMES);
			Member target = this.access.memberOrNull(serverId, targetId);
			if (target == null) {
				throw Refusal.notFound("The member");
			}
			requireAbove(member, target);
		}
		int changed = this.jdbc.sql("""
				update members set nickname = ? where server_id = ? and user_id = ?
				and nickname is distinct from ?
				""").params(nickname, serverId, targetId, nickname).update();
		if (changed > 0) {
			this.roles.announce(serverId, targetId);
		}
	}

	/** Ends a membership and announces why: left, kicked, banned or deleted. */
	void remove(long serverId, UUID userId, String reason) {
		int removed = this.jdbc.sql("delete from members where server_id = ? and user_id = ?")
			.params(serverId, userId)
			.update();
		if (removed > 0) {
			this.events.server(serverId, new MemberLeft(Long.toString(serverId), userId, reason));
		}
	}

	private boolean banned(long serverId, UUID userId) {
		return this.jdbc.sql("select count(*) from bans where server_id = ? and user_id = ?")
			.params(serverId, userId)
			.query(Long.class)
			.single() > 0;
	}

	private static void requireAbove(Member member, Member target) {
		if (target.isOwner()) {
			throw Refusal.forbidden("role-hierarchy", "The owner cannot be acted on.");
		}
		member.requireAbove(target.highestPosition(), "members");
	}

}
