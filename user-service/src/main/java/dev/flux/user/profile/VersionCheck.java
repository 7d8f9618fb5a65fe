package dev.flux.user.profile;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The precondition of a write: the tags the writer last read (the {@code If-Match} list
 * of RFC 9110, compared strongly) must name the current version, or be absent or
 * {@code *}.
 */
final class VersionCheck {

	private VersionCheck() {
	}

	/**
	 * @throws StaleVersion unless {@code expected} allows a write to {@code current}
	 */
	static void require(@Nullable String expected, String current) {
		if (expected == null || expected.isBlank()) {
			return;
		}
		boolean allowed = Arrays.stream(expected.split(","))
			.map(String::trim)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(current));
		if (!allowed) {
			throw new StaleVersion();
		}
	}

}
