package dev.flux.notification.chat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.events.permission.Permission;

/**
 * Who may view one channel, with each viewer's effective permission there: what the
 * gateway delivers a channel's messages and typing by.
 *
 * @param channelId the channel
 * @param serverId its server, null for a channel outside servers (a direct message)
 * @param permissions the effective permission bits of every user who may view it
 */
public record Audience(long channelId, @Nullable Long serverId, Map<UUID, Long> permissions) {

	public Audience {
		permissions = Map.copyOf(permissions);
	}

	/** The users who may view the channel. */
	public Set<UUID> viewers() {
		return this.permissions.keySet();
	}

	public boolean canView(UUID userId) {
		return this.permissions.containsKey(userId);
	}

	/** Whether the user may view the channel and has the permission there. */
	public boolean has(UUID userId, Permission permission) {
		Long bits = this.permissions.get(userId);
		return bits != null && permission.in(bits);
	}

}
