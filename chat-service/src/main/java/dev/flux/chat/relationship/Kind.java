package dev.flux.chat.relationship;

/** What another user is to a user, from that user's side. */
public enum Kind {

	/** Both sides are friends. */
	FRIEND,
	/** The user sent a friend request that is pending (as far as they can tell). */
	OUTGOING,
	/** The user received a friend request. */
	INCOMING,
	/** The user blocked the other. */
	BLOCKED;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static Kind of(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}

}
