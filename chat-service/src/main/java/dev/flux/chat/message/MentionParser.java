package dev.flux.chat.message;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mentions in a message's text, in Discord's syntax: {@code <@userId>} (user ids
 * are UUIDs here), {@code <@&roleId>} and {@code @everyone}. What is found is only a
 * candidate: {@link Messages} keeps the members, the server's roles, and @everyone only
 * for authors with MENTION_EVERYONE.
 */
final class MentionParser {

	private static final Pattern USER = Pattern
		.compile("<@!?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})>");

	private static final Pattern ROLE = Pattern.compile("<@&([0-9]{1,19})>");

	private static final Pattern EVERYONE = Pattern.compile("(?<![\\w<])@everyone\\b");

	private MentionParser() {
	}

	static Parsed parse(String content) {
		Set<UUID> users = new LinkedHashSet<>();
		Matcher user = USER.matcher(content);
		while (user.find()) {
			users.add(UUID.fromString(user.group(1)));
		}
		Set<Long> roles = new LinkedHashSet<>();
		Matcher role = ROLE.matcher(content);
		while (role.find()) {
			try {
				roles.add(Long.parseLong(role.group(1)));
			}
			catch (NumberFormatException ex) {
				// beyond 64 bits: no role has that id
			}
		}
		return new Parsed(users, roles, EVERYONE.matcher(content).find());
	}

	/** The candidates found in a text. */
	record Parsed(Set<UUID> users, Set<Long> roles, boolean everyone) {

	}

}
