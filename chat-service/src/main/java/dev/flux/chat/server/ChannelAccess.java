package dev.flux.chat.server;

import dev.flux.events.permission.Permission;
import dev.flux.chat.refusal.Refusal;

/**
 * A member in a channel: what they may do there.
 *
 * @param channelId the channel
 * @param kind {@code text} or {@code category}
 * @param member the member, in the channel's server
 * @param permissions the member's effective permission bits in the channel
 */
public record ChannelAccess(long channelId, String kind, Member member, long permissions) {

	public long serverId() {
		return this.member.serverId();
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
