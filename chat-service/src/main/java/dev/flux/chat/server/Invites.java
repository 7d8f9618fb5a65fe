package dev.flux.chat.server;

import java.sql.Timestamp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Views.InviteView;
import dev.flux.chat.server.Views.ServerView;

/**
 * Invites to a server through one of its channels: a random code, an optional expiry and
 * an optional number of uses. Making one needs CREATE_INVITE in the channel; joining with
 * one needs only a valid code and not being banned.
 */
@Service
public class Invites {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final int CODE_LENGTH = 10;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Access access;

	private final Members members;

	private final Servers servers;

	private final Clock clock;

	Invites(JdbcClient jdbc, Access access, Members members, Servers servers, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.members = members;
		this.servers = servers;
		this.clock = clock;
	}

	/**
	 * A new invite.
	 * @param maxAge how long it works; null for ever
	 * @param maxUses how many joins it allows; null for any number
	 */
	@Transactional
	public InviteView create(long channelId, UUID userId, @Nullable Duration maxAge, @Nullable Integer maxUses) {
		ChannelAccess access = this.access.channel(channelId, userId);
		access.require(Permission.CREATE_INVITE);
		Instant now = this.clock.instant();
		Instant expiresAt = (maxAge != null) ? now.plus(maxAge) : null;
		String code = code();
		this.jdbc.sql("""
				insert into invites (code, server_id, channel_id, inviter_id, max_uses, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(code, access.serverId(), channelId, userId, maxUses,
					(expiresAt != null) ? Timestamp.from(expiresAt) : null, Timestamp.from(now))
			.update();
		return find(code, false);
	}

	/** What an invite leads to, for anyone holding its code. */
	@Transactional(readOnly = true)
	public InviteView preview(String code) {
		return find(code, false);
	}

	/**
	 * Joins the invite's server; a member already in it just gets the server back, and
	 * the invite is not used up.
	 * @throws Refusal 404 for an unknown, expired or used-up code, 403 for a banned user
	 */
	@Transactional
	public ServerView join(String code, UUID userId) {
		InviteView invite = find(code, true);
		long serverId = Long.parseLong(invite.serverId());
		if (this.members.join(serverId, userId)) {
			this.jdbc.sql("update invites set uses = uses + 1 where code = ?").param(code).update();
		}
		return this.servers.get(serverId, userId).body();
	}

	private InviteView find(String code, boolean lock) {
		InviteView invite = this.jdbc.sql("""
				select i.*, s.name as server_name from invites i join servers s on s.id = i.server_id
				where i.code = ?""" + (lock ? " for update of i" : "")).param(code).query((rs, row) -> {
			int maxUses = rs.getInt("max_uses");
			Integer max = rs.wasNull() ? null : maxUses;
			java.sql.Timestamp expires = rs.getTimestamp("expires_at");
			return new InviteView(rs.getString("code"), Long.toString(rs.getLong("server_id")),
					rs.getString("server_name"), Long.toString(rs.getLong("channel_id")),
					rs.getObject("inviter_id", UUID.class), max, rs.getInt("uses"),
					(expires != null) ? expires.toInstant() : null);
		}).optional().orElseThrow(() -> Refusal.notFound("The invite"));
		boolean expired = invite.expiresAt() != null && !this.clock.instant().isBefore(invite.expiresAt());
		boolean usedUp = invite.maxUses() != null && invite.uses() >= invite.maxUses();
		if (expired || usedUp) {
			throw Refusal.notFound("The invite");
		}
		return invite;
	}

	private String code() {
		StringBuilder code = new StringBuilder(CODE_LENGTH);
		for (int i = 0; i < CODE_LENGTH; i++) {
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
