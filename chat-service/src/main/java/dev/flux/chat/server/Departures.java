package dev.flux.chat.server;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.permission.Permission;
import dev.flux.events.contract.ServerUpdated;

/**
 * What a deleted account leaves behind in servers: every membership ends (reason
 * {@code deleted}); a server the user owned passes to its longest-standing member with
 * ADMINISTRATOR, and is deleted when it has none.
 */
@Service
public class Departures {

	private final JdbcClient jdbc;

	private final Members members;

	private final Servers servers;

	private final ServerEvents events;

	Departures(JdbcClient jdbc, Members members, Servers servers, ServerEvents events) {
		this.jdbc = jdbc;
		this.members = members;
		this.servers = servers;
		this.events = events;
	}

	/** Idempotent: a second call finds no membership left. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void userDeleted(UUID userId) {
		List<Long> owned = this.jdbc.sql("select id from servers where owner_id = ? order by id for update")
			.param(userId)
			.query(Long.class)
			.list();
		for (long serverId : owned) {
			successor(serverId, userId).ifPresentOrElse((heir) -> {
				Servers.ServerRow server = this.servers.row(serverId, true);
				this.jdbc.sql("update servers set owner_id = ?, version = version + 1 where id = ?")
					.params(heir, serverId)
					.update();
				this.events.server(serverId,
						new ServerUpdated(Long.toString(serverId), Set.of("ownerId"), server.name(), heir));
			}, () -> this.servers.deleteLocked(serverId));
		}
		List<Long> joined = this.jdbc.sql("select server_id from members where user_id = ? order by server_id")
			.param(userId)
			.query(Long.class)
			.list();
		for (long serverId : joined) {
			this.members.remove(serverId, userId, "deleted");
		}
		this.jdbc.sql("delete from overwrites where user_id = ?").param(userId).update();
		// Their invites stop working (nobody vouches for them any more), and a ban of an
		// account that can never come back only keeps its id.
		this.jdbc.sql("delete from invites where inviter_id = ?").param(userId).update();
		this.jdbc.sql("delete from bans where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from message_nonces where author_id = ?").param(userId).update();
	}

	/** The longest-standing other member whose roles grant ADMINISTRATOR. */
	private java.util.Optional<UUID> successor(long serverId, UUID ownerId) {
		return this.jdbc.sql("""
				select m.user_id from members m
				where m.server_id = ? and m.user_id <> ? and exists (
				  select 1 from roles r
				  left join member_roles mr on mr.role_id = r.id and mr.user_id = m.user_id
				  where r.server_id = m.server_id and (r.id = m.server_id or mr.user_id is not null)
				    and (r.permissions & ?) <> 0)
				order by m.position limit 1
				""").params(serverId, ownerId, Permission.ADMINISTRATOR.bit()).query(UUID.class).optional();
	}

}
