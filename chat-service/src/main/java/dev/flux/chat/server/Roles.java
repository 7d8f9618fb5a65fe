package dev.flux.chat.server;

import java.sql.Timestamp;
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
import dev.flux.chat.server.Views.RoleView;
import dev.flux.chat.server.Views.Tagged;
import dev.flux.chat.web.EntityTag;
import dev.flux.events.contract.MemberUpdated;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.RoleDeleted;
import dev.flux.events.contract.RoleUpdated;

/**
 * Roles of servers and who has them. Everything here needs MANAGE_ROLES, touches only
 * roles below the caller's highest role (the owner's: any), and grants only permissions
 * the caller holds, as in Discord.
 */
@Service
public class Roles {

	private final JdbcClient jdbc;

	private final Snowflakes ids;

	private final ServerEvents events;

	private final Access access;

	private final Clock clock;

	Roles(JdbcClient jdbc, Snowflakes ids, ServerEvents events, Access access, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.events = events;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RoleView> list(long serverId, UUID userId) {
		this.access.member(serverId, userId);
		return this.jdbc.sql("select * from roles where server_id = ? order by position desc, id")
			.param(serverId)
			.query(Roles::role)
			.list()
			.stream()
			.map(Role::view)
			.toList();
	}

	/** One role of a server the caller is in, with its entity tag. */
	@Transactional(readOnly = true)
	public Tagged<RoleView> get(long serverId, long roleId, UUID userId) {
		this.access.member(serverId, userId);
		Role role = this.jdbc.sql("select * from roles where id = ? and server_id = ?")
			.params(roleId, serverId)
			.query(Roles::role)
			.optional()
			.orElseThrow(() -> Refusal.notFound("The role"));
		return new Tagged<>(role.view(), role.etag());
	}

	/** A new role; its position defaults to just above @everyone. */
	@Transactional
	public Tagged<RoleView> create(long serverId, UUID userId, String name, long permissions,
			@Nullable Integer position) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_ROLES);
		int at = (position != null) ? position : 1;
		member.requireAbove(at, "roles");
		member.requireHolds(permissions);
		Role role = new Role(this.ids.next(), serverId, name, permissions, at, 1);
		this.jdbc.sql("""
				insert into roles (id, server_id, name, permissions, position, version, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(role.id(), serverId, name, permissions, at, 1, Timestamp.from(this.clock.instant()))
			.update();
		this.events.role(role.id(), 1,
				new RoleCreated(Long.toString(role.id()), Long.toString(serverId), name, permissions, at));
		return new Tagged<>(role.view(), role.etag());
	}

	/**
	 * Changes a role's name, permissions or position (null: unchanged); @everyone keeps
	 * its name and position. The {@code If-Match} is the role's tag.
	 */
	@Transactional
	public Tagged<RoleView> edit(long serverId, long roleId, UUID userId, @Nullable String name,
			@Nullable Long permissions, @Nullable Integer position, @Nullable String ifMatch) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_ROLES);
		Role role = lock(serverId, roleId, ifMatch);
		boolean everyone = roleId == serverId;
		if (everyone && (name != null || position != null)) {
			throw Refusal.invalid((name != null) ? "name" : "position", "@everyone keeps its name and position");
		}
		if (!everyone) {
			member.requireAbove(role.position(), "roles");
		}
		if (position != null) {
			member.requireAbove(position, "roles");
		}
		if (permissions != null) {
			member.requireHolds(permissions ^ role.permissions());
		}
		Role changed = new Role(roleId, serverId, (name != null) ? name : role.name(),
				(permissions != null) ? permissions : role.permissions(),
				(position != null) ? position : role.position(), role.version() + 1);
		if (changed
			.equals(new Role(roleId, serverId, role.name(), role.permissions(), role.position(), role.version() + 1))) {
			return new Tagged<>(role.view(), role.etag());
		}
		this.jdbc.sql("update roles set name = ?, permissions = ?, position = ?, version = ? where id = ?")
			.params(changed.name(), changed.permissions(), changed.position(), changed.version(), roleId)
			.update();
		this.events.role(roleId, changed.version(), new RoleUpdated(Long.toString(roleId), Long.toString(serverId),
				changed.name(), changed.permissions(), changed.position()));
		return new Tagged<>(changed.view(), changed.etag());
	}

	@Transactional
	public void delete(long serverId, long roleId, UUID userId, @Nullable String ifMatch) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_ROLES);
		if (roleId == serverId) {
			throw Refusal.conflict("everyone-role", "The @everyone role cannot be deleted.");
		}
		Role role = lock(serverId, roleId, ifMatch);
		member.requireAbove(role.position(), "roles");
		this.events.role(roleId, role.version() + 1, new RoleDeleted(Long.toString(roleId), Long.toString(serverId)));
		this.jdbc.sql("delete from roles where id = ?").param(roleId).update();
	}

	/** Gives a member a role (nothing changes when they have it). */
	@Transactional
	public void assign(long serverId, UUID targetId, long roleId, UUID userId) {
		Member target = prepareAssignment(serverId, targetId, roleId, userId);
		int added = this.jdbc
			.sql("insert into member_roles (server_id, user_id, role_id) values (?, ?, ?) on conflict do nothing")
			.params(serverId, targetId, roleId)
			.update();
		if (added > 0) {
			announce(target.serverId(), targetId);
		}
	}

	/** Takes a role from a member (nothing changes when they lack it). */
	@Transactional
	public void unassign(long serverId, UUID targetId, long roleId, UUID userId) {
		prepareAssignment(serverId, targetId, roleId, userId);
		int removed = this.jdbc.sql("delete from member_roles where server_id = ? and user_id = ? and role_id = ?")
			.params(serverId, targetId, roleId)
			.update();
		if (removed > 0) {
			announce(serverId, targetId);
		}
	}

	private Member prepareAssignment(long serverId, UUID targetId, long roleId, UUID userId) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_ROLES);
		if (roleId == serverId) {
			throw Refusal.conflict("everyone-role", "Every member has the @everyone role.");
		}
		Integer position = member.rolePositions().get(roleId);
		if (position == null) {
			throw Refusal.notFound("The role");
		}
		member.requireAbove(position, "roles");
		Member target = this.access.memberOrNull(serverId, targetId);
		if (target == null) {
			throw Refusal.notFound("The member");
		}
		return target;
	}

	/** {@code server.member_updated} with the member's current nickname and roles. */
	void announce(long serverId, UUID userId) {
		String nickname = this.jdbc.sql("select nickname from members where server_id = ? and user_id = ?")
			.params(serverId, userId)
			.query(String.class)
			.optional()
			.orElse(null);
		List<String> roles = this.jdbc
			.sql("select role_id from member_roles where server_id = ? and user_id = ? order by role_id")
			.params(serverId, userId)
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> Long.toString(id))
			.toList();
		this.events.server(serverId, new MemberUpdated(Long.toString(serverId), userId, nickname, roles));
	}

	private Role lock(long serverId, long roleId, @Nullable String ifMatch) {
		Role role = this.jdbc.sql("select * from roles where id = ? and server_id = ? for update")
			.params(roleId, serverId)
			.query(Roles::role)
			.optional()
			.orElseThrow(() -> Refusal.notFound("The role"));
		EntityTag.checkIfMatch(ifMatch, role.etag());
		return role;
	}

	private static Role role(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Role(rs.getLong("id"), rs.getLong("server_id"), rs.getString("name"), rs.getLong("permissions"),
				rs.getInt("position"), rs.getLong("version"));
	}

	/** A role row. */
	record Role(long id, long serverId, String name, long permissions, int position, long version) {

		String etag() {
			return EntityTag.of("r", this.version);
		}

		RoleView view() {
			return new RoleView(Long.toString(this.id), this.name, Permission.namesOf(this.permissions), this.position);
		}

	}

}
