package dev.flux.chat.relationship;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.flux.chat.privacy.PrivacySettings;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.relationship.RelationshipRows.Row;
import dev.flux.chat.user.ChatUsers;
import dev.flux.chat.user.ChatUsers.UserView;
import dev.flux.events.contract.RelationshipAccepted;
import dev.flux.events.contract.RelationshipBlocked;
import dev.flux.events.contract.RelationshipRemoved;
import dev.flux.events.contract.RelationshipRequested;
import dev.flux.events.contract.RelationshipUnblocked;
import dev.flux.events.outbox.Outbox;

/**
 * Friend requests, friends and blocks. Each change locks the pair of users, so crossing
 * requests apply one after the other, and commits with its {@code relationship.*} event
 * (the pair's version as aggregateVersion). A block changes only the blocker's side: a
 * request from the blocked user stays pending on their side and never reaches the
 * blocker, so the blocked user cannot tell.
 */
@Service
public class Relationships {

	private final RelationshipRows rows;

	private final JdbcClient jdbc;

	private final ChatUsers users;

	private final PrivacySettings privacy;

	private final Outbox outbox;

	private final Clock clock;

	Relationships(RelationshipRows rows, JdbcClient jdbc, ChatUsers users, PrivacySettings privacy, Outbox outbox,
			Clock clock) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.users = users;
		this.privacy = privacy;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Forgets every friendship, request and block of a deleted user, theirs and others'
	 * towards them (erasure: nothing is left to say who they knew).
	 */
	@Transactional
	public void userDeleted(UUID userId) {
		this.jdbc.sql("delete from relationships where user_id = ? or other_id = ?").params(userId, userId).update();
		this.jdbc.sql("delete from relationship_pairs where low_id = ? or high_id = ?").params(userId, userId).update();
	}

	/** The user's friends, requests and blocks, newest first. */
	@Transactional(readOnly = true)
	public List<RelationshipView> list(UUID userId) {
		List<Row> rows = this.rows.of(userId);
		Map<UUID, UserView> views = this.users.views(rows.stream().map(Row::otherId).toList());
		return rows.stream()
			.map((row) -> new RelationshipView(views.get(row.otherId()), row.kind().value(), row.since()))
			.toList();
	}

	/**
	 * Sends a friend request to the user with this username.
	 * @see #request(UUID, UUID)
	 */
	@Transactional
	public RelationshipView requestByName(UUID userId, String username) {
		UUID target = this.jdbc.sql("select user_id from chat_users where lower(username) = lower(?) and not deleted")
			.param(username)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> Refusal.notFound("The user"));
		return request(userId, target);
	}

	/**
	 * Sends a friend request, or accepts the one the target sent. Repeating a pending
	 * request changes nothing.
	 * @throws Refusal 403 {@code friend-requests-closed} when the target accepts no
	 * requests; 409 when they are friends already or the caller blocked them; 404 for an
	 * unknown user
	 */
	@Transactional
	public RelationshipView request(UUID userId, UUID targetId) {
		requireOther(userId, targetId);
		this.rows.lockPair(userId, targetId);
		Kind mine = this.rows.kind(userId, targetId);
		if (mine == Kind.INCOMING) {
			return accept(userId, targetId);
		}
		if (mine == Kind.BLOCKED) {
			throw Refusal.conflict("unblock-first", "You blocked this user: unblock them first.");
		}
		if (mine == Kind.FRIEND) {
			throw Refusal.conflict("already-friends", "You are friends already.");
		}
		if (mine == Kind.OUTGOING) {
			return view(userId, targetId);
		}
		if (!this.privacy.of(targetId).allowFriendRequests()) {
			throw Refusal.forbidden("friend-requests-closed", "This user does not accept friend requests.");
		}
		Instant now = this.clock.instant();
		this.rows.put(userId, targetId, Kind.OUTGOING, now);
		if (this.rows.kind(targetId, userId) != Kind.BLOCKED) {
			this.rows.put(targetId, userId, Kind.INCOMING, now);
			publish(userId, targetId, new RelationshipRequested(userId, targetId));
		}
		return view(userId, targetId);
	}

	/**
	 * Accepts a friend request the other user sent.
	 * @throws Refusal 404 when there is no such request
	 */
	@Transactional
	public RelationshipView accept(UUID userId, UUID otherId) {
		requireOther(userId, otherId);
		this.rows.lockPair(userId, otherId);
		if (this.rows.kind(userId, otherId) != Kind.INCOMING) {
			throw Refusal.notFound("The friend request");
		}
		Instant now = this.clock.instant();
		this.rows.put(userId, otherId, Kind.FRIEND, now);
		this.rows.put(otherId, userId, Kind.FRIEND, now);
		publish(userId, otherId, new RelationshipAccepted(userId, otherId));
		return view(userId, otherId);
	}

	/**
	 * Ends whatever the user has with the other: unfriends, declines, cancels, or lifts a
	 * block.
	 * @throws Refusal 404 when there is nothing to end
	 */
	@Transactional
	public void remove(UUID userId, UUID otherId) {
		this.rows.lockPair(userId, otherId);
		Kind mine = this.rows.kind(userId, otherId);
		if (mine == null) {
			throw Refusal.notFound("The relationship");
		}
		switch (mine) {
			case BLOCKED -> unblock(userId, otherId);
			case FRIEND -> {
				this.rows.delete(userId, otherId);
				this.rows.delete(otherId, userId);
				publish(userId, otherId, new RelationshipRemoved(userId, otherId, "unfriended"));
			}
			case INCOMING -> {
				this.rows.delete(userId, otherId);
				this.rows.delete(otherId, userId);
				publish(userId, otherId, new RelationshipRemoved(userId, otherId, "declined"));
			}
			case OUTGOING -> cancel(userId, otherId);
		}
	}

	/**
	 * Blocks the other user: ends a friendship or the caller's own request, hides the
	 * other's request from the caller (it stays pending on their side). Idempotent.
	 */
	@Transactional
	public RelationshipView block(UUID userId, UUID otherId) {
		requireOther(userId, otherId);
		this.rows.lockPair(userId, otherId);
		Kind mine = this.rows.kind(userId, otherId);
		if (mine == Kind.BLOCKED) {
			return view(userId, otherId);
		}
		if (mine == Kind.FRIEND) {
			this.rows.delete(otherId, userId);
			publish(userId, otherId, new RelationshipRemoved(userId, otherId, "unfriended"));
		}
		else if (mine == Kind.OUTGOING) {
			cancel(userId, otherId);
		}
		this.rows.put(userId, otherId, Kind.BLOCKED, this.clock.instant());
		publish(userId, otherId, new RelationshipBlocked(userId, otherId));
		return view(userId, otherId);
	}

	/**
	 * Lifts a block; a request the other sent meanwhile shows again as incoming.
	 * @throws Refusal 404 when the caller did not block them
	 */
	@Transactional
	public void unblock(UUID userId, UUID otherId) {
		this.rows.lockPair(userId, otherId);
		if (this.rows.kind(userId, otherId) != Kind.BLOCKED) {
			throw Refusal.notFound("The block");
		}
		this.rows.delete(userId, otherId);
		if (this.rows.kind(otherId, userId) == Kind.OUTGOING) {
			this.rows.put(userId, otherId, Kind.INCOMING, this.clock.instant());
		}
		publish(userId, otherId, new RelationshipUnblocked(userId, otherId));
	}

	/** Whether either user blocked the other. */
	@Transactional(readOnly = true)
	public boolean blockedEitherWay(UUID a, UUID b) {
		return this.rows.kind(a, b) == Kind.BLOCKED || this.rows.kind(b, a) == Kind.BLOCKED;
	}

	@Transactional(readOnly = true)
	public boolean areFriends(UUID a, UUID b) {
		return this.rows.kind(a, b) == Kind.FRIEND;
	}

	private void cancel(UUID userId, UUID otherId) {
		this.rows.delete(userId, otherId);
		if (this.rows.kind(otherId, userId) == Kind.INCOMING) {
			this.rows.delete(otherId, userId);
			publish(userId, otherId, new RelationshipRemoved(userId, otherId, "cancelled"));
		}
	}

	private void requireOther(UUID userId, UUID otherId) {
		if (userId.equals(otherId)) {
			throw Refusal.invalid("userId", "must be another user than yourself");
		}
		boolean exists = this.jdbc.sql("select count(*) from chat_users where user_id = ? and not deleted")
			.param(otherId)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw Refusal.notFound("The user");
		}
	}

	private void publish(UUID a, UUID b, Object payload) {
		this.outbox.append(RelationshipRows.pairId(a, b), this.rows.nextVersion(a, b), payload);
	}

	private RelationshipView view(UUID userId, UUID otherId) {
		Row row = this.rows.row(userId, otherId);
		return new RelationshipView(this.users.view(otherId), (row != null) ? row.kind().value() : "none",
				(row != null) ? row.since() : this.clock.instant());
	}

	/**
	 * A relationship as its user sees it.
	 *
	 * @param user the other user
	 * @param type {@code friend}, {@code outgoing} (a request sent), {@code incoming} (a
	 * request received) or {@code blocked}
	 * @param since when it became so
	 */
	public record RelationshipView(UserView user, String type, Instant since) {

	}

}
