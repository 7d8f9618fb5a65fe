package dev.flux.chat.server;

import org.jspecify.annotations.Nullable;

import dev.flux.chat.refusal.Refusal;
import dev.flux.events.permission.Permission;

/**
 * A member in a channel: what they may do there.
 *
 * @param channelId the channel
 * @param kind {@code text} or {@code category} in a server, {@code dm} or
 * {@code group_dm} for a direct message channel
 * @param member the member, in the channel's server; null in a direct message channel
 * @param permissions the member's effective permission bits in the channel
 */
public record ChannelAccess(long channelId, String kind, @Nullable Member member, long permissions) {

	/**
	 * What everyone in a direct message channel may do: read and write, and delete only
	 * their own messages (nobody manages a DM's messages).
	 */
	static final long DIRECT = Permission.VIEW_CHANNEL.bit() | Permission.SEND_MESSAGES.bit()
			| Permission.READ_MESSAGE_HISTORY.bit();

	static ChannelAccess direct(long channelId, String kind) {
		return new ChannelAccess(channelId, kind, null, DIRECT);
	}

	/** Whether this is a direct message channel (no server). */
	public boolean isDirect() {
		return this.member == null;
	}

	/** The channel's server; null for a direct message channel. */
	public @Nullable Long serverId() {
		return (this.member != null) ? this.member.serverId() : null;
	}

	/** The channel's server as events and views write it; null for a DM channel. */
	public @Nullable String serverIdText() {
		return (this.member != null) ? Long.toString(this.member.serverId()) : null;
	}

	public boolean has(Permission permission) {
		return permission.in(this.permissions);
	}

	/**
	 * @throws Refusal 403 unless the member has {@code permission} in the channel
	 */
	public void require(Permission permission) {
		if (!has(permission)) {
			throw Refusal.missingPermission(permission.name());
		}
	}

}
