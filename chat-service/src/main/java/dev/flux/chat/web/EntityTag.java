package dev.flux.chat.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.flux.chat.refusal.Refusal;

/**
 * Conditional writes (RFC 9110): the strong entity tag of a resource's version and the
 * {@code If-Match} check, as the user-service does it.
 */
public final class EntityTag {

	private EntityTag() {
	}

	/** The quoted tag of a version, e.g. {@code "s7"}. */
	public static String of(String prefix, long version) {
		return "\"" + prefix + version + "\"";
	}

	/**
	 * Refuses a write whose {@code If-Match} does not name the current tag (no header or
	 * {@code *} allows it; weak tags never match).
	 * @throws Refusal (stale version) otherwise
	 */
	public static void checkIfMatch(@Nullable String ifMatch, String current) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return;
		}
		boolean matches = Arrays.stream(ifMatch.split(","))
			.map(String::trim)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(current));
		if (!matches) {
			throw Refusal.staleVersion();
		}
	}

}
