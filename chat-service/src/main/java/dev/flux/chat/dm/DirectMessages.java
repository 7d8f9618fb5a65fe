package dev.flux.chat.dm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.id.Snowflakes;
import dev.flux.chat.privacy.PrivacySettings;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.relationship.Relationships;
import dev.flux.chat.user.ChatUsers;
import dev.flux.chat.user.ChatUsers.UserView;
import dev.flux.events.contract.DmCreated;
import dev.flux.events.contract.DmDeleted;
import dev.flux.events.contract.DmUpdated;
import dev.flux.events.outbox.Outbox;

/**
 * Direct message channels. A 1:1 DM is one channel per pair of users (opening it again
 * finds it); a group DM holds up to {@value #MAX_MEMBERS} users, its owner's friends. Who
 * may write to whom: a 1:1 DM refuses a sender either user blocked, and a sender who is
 * not a friend of a recipient that allows DMs only from friends, with one reason that
 * does not tell the two apart. A channel the caller is not in is not found. Each change
 * commits with its {@code dm.*} event, the channel's version as aggregateVersion.
 */
@Service
public class DirectMessages {

	/** The most users a group DM holds (Discord's limit too). */
	public static final int MAX_MEMBERS = 10;

	private final JdbcClient jdbc;

	private final Snowflakes ids;

	private final Outbox outbox;

	private final ChatUsers users;

	private final Relationships relationships;

	private final PrivacySettings privacy;

	private final Clock clock;

	DirectMessages(JdbcClient jdbc, Snowflakes ids, Outbox outbox, ChatUsers users, Relationships relationships,
			PrivacySettings privacy, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.outbox = outbox;
		this.users = users;
		this.relationships = relationships;
		this.privacy = privacy;
		this.clock = clock;
	}

	/**
	 * A deleted user leaves every DM: group DMs as if they left (the owner's role passes
	 * on, the last one out deletes the group); 1:1 DMs keep their messages for the other
	 * user, with the author shown as deleted, but no longer name the deleted user as a
	 * member or a pair.
	 */
	@Transactional
	public void userDeleted(UUID userId) {
		List<Long> groups = this.jdbc.sql("""
				select m.channel_id from dm_members m join channels c on c.id = m.channel_id
				where m.user_id = ? and c.kind = 'group_dm'
				""").param(userId).query(Long.class).list();
		groups.forEach((channelId) -> removeMember(channelId, userId, userId));
		this.jdbc.sql("delete from dm_members where user_id = ?").param(userId).update();
		this.jdbc.sql("delete from dm_pairs where low_id = ? or high_id = ?").params(userId, userId).update();
	}

	/**
	 * The 1:1 DM of the caller and the recipient, opened the first time.
	 * @throws Refusal 403 {@code dm-refused} when the recipient does not take DMs from
	 * the caller (and no DM exists yet); 404 for an unknown user
	 */
	@Transactional
	public Opened open(UUID userId, UUID recipientId) {
		if (userId.equals(recipientId)) {
			throw Refusal.invalid("recipientId", "must be another user than yourself");
		}
		requireUser(recipientId);
		UUID low = (userId.toString().compareTo(recipientId.toString()) < 0) ? userId : recipientId;
		UUID high = (low == userId) ? recipientId : userId;
		Long existing = pairChannel(low, high);
		if (existing != null) {
			return new Opened(view(existing), false);
		}
		requireMayReach(userId, recipientId);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		insertChannel(id, "dm", null, null, now);
		int claimed = this.jdbc
			.sql("insert into dm_pairs (low_id, high_id, channel_id) values (?, ?, ?) on conflict do nothing")
			.params(low, high, id)
			.update();
		if (claimed == 0) {
			// Opened at the same moment by the other call, which committed first.
			this.jdbc.sql("delete from channels where id = ?").param(id).update();
			return new Opened(view(pairChannel(low, high)), false);
		}
		addMembers(id, List.of(userId, recipientId), now);
		this.outbox.append(Long.toString(id), 1,
				new DmCreated(Long.toString(id), "dm", null, null, List.of(userId, recipientId)));
		return new Opened(view(id), true);
	}

	/**
	 * A group DM of the caller (its owner) and their friends.
	 * @throws Refusal 403 {@code not-friends} when a recipient is not the caller's
	 * friend; 400 for more than {@value #MAX_MEMBERS} users in all
	 */
	@Transactional
	public DmView createGroup(UUID userId, List<UUID> recipientIds, @Nullable String name) {
		Set<UUID> recipients = new LinkedHashSet<>(recipientIds);
		recipients.remove(userId);
		if (recipients.isEmpty() || recipients.size() + 1 > MAX_MEMBERS) {
			throw Refusal.invalid("recipientIds", "a group DM holds you and 1 to " + (MAX_MEMBERS - 1) + " others");
		}
		for (UUID recipient : recipients) {
			requireFriend(userId, recipient);
		}
		long id = this.ids.next();
		Instant now = this.clock.instant();
		insertChannel(id, "group_dm", name, userId, now);
		List<UUID> members = new ArrayList<>();
		members.add(userId);
		members.addAll(recipients);
		addMembers(id, members, now);
		this.outbox.append(Long.toString(id), 1,
				new DmCreated(Long.toString(id), "group_dm", name, userId, List.copyOf(members)));
		return view(id);
	}

	/** The caller's DM channels, the most recently active first. */
	@Transactional(readOnly = true)
	public List<DmView> list(UUID userId) {
		List<Long> channels = this.jdbc.sql("""
				select c.id from channels c join dm_members d on d.channel_id = c.id and d.user_id = ?
				order by coalesce((select max(m.id) from messages m where m.channel_id = c.id), c.id) desc
				""").param(userId).query(Long.class).list();
		return channels.stream().map(this::view).toList();
	}

	/**
	 * @throws Refusal 404 when the caller is not in it
	 */
	@Transactional(readOnly = true)
	public DmView get(long channelId, UUID userId) {
		requireMember(channelId, userId);
		return view(channelId);
	}

	/**
	 * Renames a group DM (any member may); null clears the name.
	 */
	@Transactional
	public DmView rename(long channelId, UUID userId, @Nullable String name) {
		Group group = lockGroup(channelId, userId);
		this.jdbc.sql("update channels set name = ?, version = version + 1 where id = ?")
			.params(name, channelId)
			.update();
		announce(channelId, "renamed", userId, null, group.ownerId());
		return view(channelId);
	}

	/**
	 * Adds a friend of the caller to a group DM they are in; adding a member again
	 * changes nothing.
	 * @throws Refusal 409 {@code group-full} at {@value #MAX_MEMBERS} members; 403
	 * {@code not-friends}
	 */
	@Transactional
	public DmView addMember(long channelId, UUID userId, UUID newMember) {
		Group group = lockGroup(channelId, userId);
		if (group.members().contains(newMember)) {
			return view(channelId);
		}
		requireFriend(userId, newMember);
		if (group.members().size() >= MAX_MEMBERS) {
			throw Refusal.conflict("group-full", "A group DM holds at most " + MAX_MEMBERS + " users.");
		}
		addMembers(channelId, List.of(newMember), this.clock.instant());
		this.jdbc.sql("update channels set version = version + 1 where id = ?").param(channelId).update();
		announce(channelId, "member_added", userId, newMember, group.ownerId());
		return view(channelId);
	}

	/**
	 * Removes a member (the owner only), or the caller leaves when it is themselves. The
	 * last to leave deletes the group; an owner who leaves passes it to the
	 * longest-standing member.
	 * @throws Refusal 403 {@code not-the-owner}; 404 when the member is not in it
	 */
	@Transactional
	public void removeMember(long channelId, UUID userId, UUID member) {
		Group group = lockGroup(channelId, userId);
		boolean leaving = member.equals(userId);
		if (!leaving && !group.ownerId().equals(userId)) {
			throw Refusal.forbidden("not-the-owner", "Only the group DM's owner can remove members.");
		}
		if (!group.members().contains(member)) {
			throw Refusal.notFound("The member");
		}
		this.jdbc.sql("delete from dm_members where channel_id = ? and user_id = ?").params(channelId, member).update();
		this.jdbc.sql("delete from read_states where channel_id = ? and user_id = ?")
			.params(channelId, member)
			.update();
		UUID owner = group.ownerId();
		if (owner.equals(member)) {
			UUID next = this.jdbc
				.sql("select user_id from dm_members where channel_id = ? order by joined_at, user_id limit 1")
				.param(channelId)
				.query(UUID.class)
				.optional()
				.orElse(null);
			if (next == null) {
				long version = this.jdbc.sql("select version from channels where id = ?")
					.param(channelId)
					.query(Long.class)
					.single();
				this.jdbc.sql("delete from channels where id = ?").param(channelId).update();
				this.outbox.append(Long.toString(channelId), version + 1, new DmDeleted(Long.toString(channelId)));
				return;
			}
			owner = next;
		}
		this.jdbc.sql("update channels set owner_id = ?, version = version + 1 where id = ?")
			.params(owner, channelId)
			.update();
		announce(channelId, leaving ? "member_left" : "member_removed", userId, member, owner);
	}

	/**
	 * Refuses a message to a 1:1 DM whose other user does not take DMs from the sender (a
	 * block either way, or DMs from friends only and they are not friends); group DMs
	 * take every member's messages.
	 * @throws Refusal 403 {@code dm-refused}
	 */
	@Transactional(readOnly = true)
	public void requireMaySend(long channelId, UUID senderId) {
		UUID other = this.jdbc.sql("""
				select d.user_id from dm_members d join channels c on c.id = d.channel_id and c.kind = 'dm'
				where d.channel_id = ? and d.user_id <> ?
				""").params(channelId, senderId).query(UUID.class).optional().orElse(null);
		if (other != null) {
			requireMayReach(senderId, other);
		}
	}

	private void requireMayReach(UUID senderId, UUID recipientId) {
		boolean refused = this.relationships.blockedEitherWay(senderId, recipientId)
				|| this.users.isDeleted(recipientId) || (!this.privacy.of(recipientId).allowDirectMessages()
						&& !this.relationships.areFriends(senderId, recipientId));
		if (refused) {
			throw Refusal.forbidden("dm-refused",
					"Your message could not be delivered: this user accepts direct messages only from friends.");
		}
	}

	private void requireFriend(UUID userId, UUID otherId) {
		if (!this.relationships.areFriends(userId, otherId)) {
			throw Refusal.forbidden("not-friends", "Only your friends can be in your group DMs.");
		}
	}

	private void requireUser(UUID userId) {
		boolean exists = this.jdbc.sql("select count(*) from chat_users where user_id = ? and not deleted")
			.param(userId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw Refusal.notFound("The user");
		}
	}

	private void requireMember(long channelId, UUID userId) {
		boolean in = this.jdbc.sql("select count(*) from dm_members where channel_id = ? and user_id = ?")
			.params(channelId, userId)
			.query(Long.class)
			.single() > 0;
		if (!in) {
			throw Refusal.notFound("The channel");
		}
	}

	/** The group DM locked until the transaction ends, the caller in it. */
	private Group lockGroup(long channelId, UUID userId) {
		requireMember(channelId, userId);
		record Row(String kind, @Nullable UUID ownerId) {
		}
		Row row = this.jdbc.sql("select kind, owner_id from channels where id = ? for update")
			.param(channelId)
			.query((rs, n) -> new Row(rs.getString("kind"), rs.getObject("owner_id", UUID.class)))
			.single();
		if (!row.kind().equals("group_dm") || row.ownerId() == null) {
			throw Refusal.invalid("channelId", "must be a group DM: a 1:1 DM has no name and always two users");
		}
		return new Group(row.ownerId(), members(channelId));
	}

	private void announce(long channelId, String change, UUID userId, @Nullable UUID target, UUID ownerId) {
		record State(long version, @Nullable String name) {
		}
		State state = this.jdbc.sql("select version, name from channels where id = ?")
			.param(channelId)
			.query((rs, n) -> new State(rs.getLong("version"), rs.getString("name")))
			.single();
		this.outbox.append(Long.toString(channelId), state.version(), new DmUpdated(Long.toString(channelId), change,
				userId, target, state.name(), ownerId, members(channelId)));
	}

	private @Nullable Long pairChannel(UUID low, UUID high) {
		return this.jdbc.sql("select channel_id from dm_pairs where low_id = ? and high_id = ?")
			.params(low, high)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private void insertChannel(long id, String kind, @Nullable String name, @Nullable UUID ownerId, Instant now) {
		this.jdbc.sql("""
				insert into channels (id, server_id, kind, name, position, version, created_at, owner_id)
				values (?, null, ?, ?, 0, 1, ?, ?)
				""").params(id, kind, name, Timestamp.from(now), ownerId).update();
	}

	private void addMembers(long channelId, List<UUID> members, Instant now) {
		for (UUID member : members) {
			this.jdbc.sql("insert into dm_members (channel_id, user_id, joined_at) values (?, ?, ?)")
				.params(channelId, member, Timestamp.from(now))
				.update();
		}
	}

	private List<UUID> members(long channelId) {
		return this.jdbc.sql("select user_id from dm_members where channel_id = ? order by joined_at, user_id")
			.param(channelId)
			.query(UUID.class)
			.list();
	}

	private DmView view(long channelId) {
		record Row(String kind, @Nullable String name, @Nullable UUID ownerId) {
		}
		Row row = this.jdbc.sql("select kind, name, owner_id from channels where id = ?")
			.param(channelId)
			.query((rs, n) -> new Row(rs.getString("kind"), rs.getString("name"), rs.getObject("owner_id", UUID.class)))
			.single();
		List<UUID> members = members(channelId);
		Map<UUID, UserView> views = this.users.views(members);
		Long last = this.jdbc.sql("select id from messages where channel_id = ? order by id desc limit 1")
			.param(channelId)
			.query(Long.class)
			.optional()
			.orElse(null);
		return new DmView(Long.toString(channelId), row.kind(), row.name(), row.ownerId(),
				members.stream().map(views::get).toList(), (last != null) ? Long.toString(last) : null);
	}

	private record Group(UUID ownerId, List<UUID> members) {

	}

	/**
	 * An open outcome.
	 *
	 * @param channel the DM channel
	 * @param created whether this call opened it
	 */
	public record Opened(DmView channel, boolean created) {

	}

	/**
	 * A DM channel as its members see it.
	 *
	 * @param id the channel's id, where its messages go
	 * ({@code /api/channels/{id}/messages})
	 * @param kind {@code dm} or {@code group_dm}
	 * @param name a group DM's name, null when unnamed
	 * @param ownerId a group DM's owner
	 * @param members everyone in it, the caller included, longest-standing first
	 * @param lastMessageId its newest message, null when none
	 */
	public record DmView(String id, String kind, @Nullable String name, @Nullable UUID ownerId, List<UserView> members,
			@Nullable String lastMessageId) {

	}

}
