package dev.flux.user.profile;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a profile to change, checked by the web layer; a field not in
 * {@code fields} stays as it is, a named one with a null value is cleared (the display
 * name then follows the username again).
 *
 * @param fields the names of the fields to change
 * @param displayName the new display name
 * @param avatarUrl the new avatar URL
 * @param bio the new bio
 * @param customStatus the new custom status
 */
public record ProfileEdit(Set<String> fields, @Nullable String displayName, @Nullable String avatarUrl,
		@Nullable String bio, @Nullable CustomStatus customStatus) {

	public ProfileEdit {
		fields = Set.copyOf(fields);
	}

}
