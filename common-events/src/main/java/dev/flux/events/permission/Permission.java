package dev.flux.events.permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a member may do, one bit each, at Discord's bit positions so clients that know
 * Discord read the numbers the same way.
 */
public enum Permission {

	CREATE_INVITE(0), KICK_MEMBERS(1), BAN_MEMBERS(2), ADMINISTRATOR(3), MANAGE_CHANNELS(4), MANAGE_SERVER(5),
	VIEW_CHANNEL(10), SEND_MESSAGES(11), MANAGE_MESSAGES(13), READ_MESSAGE_HISTORY(16), MENTION_EVERYONE(17),
	CHANGE_NICKNAME(26), MANAGE_NICKNAMES(27), MANAGE_ROLES(28);

	/** Every permission: what the owner and administrators have. */
	public static final long ALL = bitsOf(EnumSet.allOf(Permission.class));

	/** What a new server's @everyone may do. */
	public static final long EVERYONE_DEFAULTS = bitsOf(
			EnumSet.of(VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY, CREATE_INVITE, CHANGE_NICKNAME));

	private final long bit;

	Permission(int position) {
		this.bit = 1L << position;
	}

	public long bit() {
		return this.bit;
	}

	/** Whether {@code bits} hold this permission. */
	public boolean in(long bits) {
		return (bits & this.bit) != 0;
	}

	public static long bitsOf(Set<Permission> permissions) {
		long bits = 0;
		for (Permission permission : permissions) {
			bits |= permission.bit;
		}
		return bits;
	}

	/** The names of the permissions in {@code bits}, in bit order. */
	public static List<String> namesOf(long bits) {
		List<String> names = new ArrayList<>();
		for (Permission permission : values()) {
			if (permission.in(bits)) {
				names.add(permission.name());
			}
		}
		return names;
	}

	/**
	 * The bits of permission names.
	 * @throws IllegalArgumentException for a name that is no permission
	 */
	public static long bitsOfNames(Iterable<String> names) {
		long bits = 0;
		for (String name : names) {
			bits |= valueOf(name).bit;
		}
		return bits;
	}

}
