package dev.flux.chat.server;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.id.Snowflakes;
import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.ChannelRows.Channel;
import dev.flux.chat.server.Views.NewServer;
import dev.flux.chat.server.Views.RoleView;
import dev.flux.chat.server.Views.ServerView;
import dev.flux.chat.server.Views.Tagged;
import dev.flux.chat.web.EntityTag;
import dev.flux.events.contract.MemberJoined;
import dev.flux.events.contract.RoleCreated;
import dev.flux.events.contract.ServerCreated;
import dev.flux.events.contract.ServerDeleted;
import dev.flux.events.contract.ServerUpdated;

/**
 * Creating, reading, renaming and deleting servers. The creator owns the server; it comes
 * with an @everyone role (the server's id) and a text channel {@code general}.
 */
@Service
public class Servers {

	private final JdbcClient jdbc;

	private final Snowflakes ids;

	private final ChannelRows channels;

	private final ServerEvents events;

	private final Access access;

	private final Clock clock;

	Servers(JdbcClient jdbc, Snowflakes ids, ChannelRows channels, ServerEvents events, Access access, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.channels = channels;
		this.events = events;
		this.access = access;
		this.clock = clock;
	}

	@Transactional
	public Tagged<NewServer> create(UUID userId, String name) {
		Instant now = this.clock.instant();
		long serverId = this.ids.next();
		this.jdbc
			.sql("insert into servers (id, name, owner_id, version, event_seq, created_at) values (?, ?, ?, 1, 0, ?)")
			.params(serverId, name, userId, Timestamp.from(now))
			.update();
		this.jdbc.sql("""
				insert into roles (id, server_id, name, permissions, position, version, created_at)
				values (?, ?, '@everyone', ?, 0, 1, ?)
				""").params(serverId, serverId, Permission.EVERYONE_DEFAULTS, Timestamp.from(now)).update();
		Channel general = new Channel(this.ids.next(), serverId, "text", "general", null, 0, null, 1);
		this.channels.insert(general, now);
		this.jdbc.sql("insert into members (server_id, user_id, joined_at) values (?, ?, ?)")
			.params(serverId, userId, Timestamp.from(now))
			.update();
		String id = Long.toString(serverId);
		this.events.server(serverId, new ServerCreated(id, name, userId));
		this.events.role(serverId, 1, new RoleCreated(id, id, "@everyone", Permission.EVERYONE_DEFAULTS, 0));
		this.events.channel(general.id(), 1, this.channels.created(general));
		this.events.server(serverId, new MemberJoined(id, userId));
		ServerView server = new ServerView(id, name, userId, now, Permission.namesOf(Permission.ALL));
		return new Tagged<>(
				new NewServer(server, List.of(this.channels.view(general, Permission.ALL)),
						List.of(new RoleView(id, "@everyone", Permission.namesOf(Permission.EVERYONE_DEFAULTS), 0))),
				EntityTag.of("s", 1));
	}

	/** A server the caller is a member of. */
	@Transactional(readOnly = true)
	public Tagged<ServerView> get(long serverId, UUID userId) {
		Member member = this.access.member(serverId, userId);
		return row(serverId, false).tagged(member);
	}

	/** The servers the caller is a member of, oldest membership first. */
	@Transactional(readOnly = true)
	public List<ServerView> mine(UUID userId) {
		return this.jdbc.sql("""
				select s.id from servers s join members m on m.server_id = s.id
				where m.user_id = ? order by m.position
				""").param(userId).query(Long.class).list().stream().map((id) -> get(id, userId).body()).toList();
	}

	/**
	 * Renames the server (MANAGE_SERVER); the {@code If-Match} is the server's tag.
	 */
	@Transactional
	public Tagged<ServerView> rename(long serverId, UUID userId, String name, @Nullable String ifMatch) {
		Member member = this.access.member(serverId, userId);
		member.require(Permission.MANAGE_SERVER);
		ServerRow server = row(serverId, true);
		EntityTag.checkIfMatch(ifMatch, server.etag());
		if (server.name().equals(name)) {
			return server.tagged(member);
		}
		ServerRow renamed = new ServerRow(serverId, name, server.ownerId(), server.version() + 1, server.createdAt());
		this.jdbc.sql("update servers set name = ?, version = ? where id = ?")
			.params(name, renamed.version(), serverId)
			.update();
		this.events.server(serverId,
				new ServerUpdated(Long.toString(serverId), Set.of("name"), name, server.ownerId()));
		return renamed.tagged(member);
	}

	/** Deletes the server with everything in it; only its owner may. */
	@Transactional
	public void delete(long serverId, UUID userId, @Nullable String ifMatch) {
		Member member = this.access.member(serverId, userId);
		if (!member.isOwner()) {
			throw Refusal.forbidden("not-the-owner", "Only the server's owner can delete it.");
		}
		EntityTag.checkIfMatch(ifMatch, row(serverId, true).etag());
		deleteLocked(serverId);
	}

	/** Deletes a server whose row the caller locked. */
	void deleteLocked(long serverId) {
		this.events.server(serverId, new ServerDeleted(Long.toString(serverId)));
		this.jdbc.sql("delete from servers where id = ?").param(serverId).update();
	}

	ServerRow row(long serverId, boolean lock) {
		return this.jdbc
			.sql("select id, name, owner_id, version, created_at from servers where id = ?"
					+ (lock ? " for update" : ""))
			.param(serverId)
			.query((rs, row) -> new ServerRow(rs.getLong("id"), rs.getString("name"),
					rs.getObject("owner_id", UUID.class), rs.getLong("version"),
					rs.getTimestamp("created_at").toInstant()))
			.optional()
			.orElseThrow(() -> Refusal.notFound("The server"));
	}

	/** A server row. */
	record ServerRow(long id, String name, UUID ownerId, long version, Instant createdAt) {

		String etag() {
			return EntityTag.of("s", this.version);
		}

		Tagged<ServerView> tagged(Member member) {
			return new Tagged<>(new ServerView(Long.toString(this.id), this.name, this.ownerId, this.createdAt,
					Permission.namesOf(member.base())), etag());
		}

	}

}
