package dev.flux.chat.server;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.flux.chat.user.ChatUsers.UserView;

/**
 * What the API answers with. Ids of servers, channels and roles are 64-bit numbers
 * written as strings (JavaScript numbers cannot hold them); permissions are lists of
 * names.
 */
public final class Views {

	private Views() {
	}

	/**
	 * A server.
	 *
	 * @param id the server's id, also its @everyone role's id
	 * @param name its name
	 * @param ownerId its owner
	 * @param createdAt when it was created
	 * @param permissions the caller's server-wide permissions
	 */
	public record ServerView(String id, String name, UUID ownerId, Instant createdAt, List<String> permissions) {

	}

	/**
	 * A server just created, with what came with it.
	 *
	 * @param server the server
	 * @param channels its first channel, {@code general}
	 * @param roles its @everyone role
	 */
	public record NewServer(ServerView server, List<ChannelView> channels, List<RoleView> roles) {

	}

	/**
	 * A channel of a server.
	 *
	 * @param id the channel's id
	 * @param serverId its server
	 * @param type {@code text} or {@code category}
	 * @param name its name
	 * @param topic its topic, null when none
	 * @param position where it sorts, lowest first
	 * @param parentId the category it sits in, null when none
	 * @param overwrites its permission overwrites
	 * @param permissions the caller's permissions in it
	 */
	public record ChannelView(String id, String serverId, String type, String name, @Nullable String topic,
			int position, @Nullable String parentId, List<OverwriteView> overwrites, List<String> permissions) {

	}

	/**
	 * A permission overwrite of a channel.
	 *
	 * @param roleId the role it is for (the server id for @everyone), null for a member
	 * @param userId the member it is for, null for a role
	 * @param allow the permissions granted
	 * @param deny the permissions taken away
	 */
	public record OverwriteView(@Nullable String roleId, @Nullable UUID userId, List<String> allow, List<String> deny) {

	}

	/**
	 * A role.
	 *
	 * @param id the role's id (the server's id for @everyone)
	 * @param name its name
	 * @param permissions its permissions
	 * @param position higher is more powerful; @everyone is 0
	 */
	public record RoleView(String id, String name, List<String> permissions, int position) {

	}

	/**
	 * A member of a server.
	 *
	 * @param user who they are
	 * @param nickname their nickname in the server, null when none
	 * @param roles their roles' ids, @everyone left out
	 * @param joinedAt when they joined
	 * @param position their place in the join order, the member list's cursor
	 */
	public record MemberView(UserView user, @Nullable String nickname, List<String> roles, Instant joinedAt,
			long position) {

	}

	/**
	 * A page of members in join order.
	 *
	 * @param members the members
	 * @param next the {@code after} of the next page, null on the last
	 */
	public record MemberPage(List<MemberView> members, @Nullable Long next) {

	}

	/**
	 * An invite.
	 *
	 * @param code what to join with: {@code POST /api/invites/{code}}
	 * @param serverId the server it joins
	 * @param serverName the server's name
	 * @param channelId the channel it was made for
	 * @param inviterId who made it
	 * @param maxUses how many joins it allows, null for any number
	 * @param uses how many joins it made
	 * @param expiresAt when it stops working, null for never
	 */
	public record InviteView(String code, String serverId, String serverName, String channelId, UUID inviterId,
			@Nullable Integer maxUses, int uses, @Nullable Instant expiresAt) {

	}

	/**
	 * A ban.
	 *
	 * @param userId the banned user
	 * @param reason why, null when not given
	 * @param bannedAt when
	 */
	public record BanView(UUID userId, @Nullable String reason, Instant bannedAt) {

	}

	/**
	 * A representation and its entity tag.
	 *
	 * @param body the representation
	 * @param etag its strong entity tag
	 */
	public record Tagged<T>(T body, String etag) {

	}

}
