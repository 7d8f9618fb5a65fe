package dev.flux.user.profile.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.flux.user.presence.Status;
import dev.flux.user.profile.CustomStatus;
import dev.flux.user.profile.ProfileEdit;
import dev.flux.web.ApiProblem;
import dev.flux.user.web.PatchBodies;
import dev.flux.user.web.RequestPatterns;

/** The bodies of profile and status writes, with the limits the API documents. */
final class ProfileRequests {

	private ProfileRequests() {
	}

	/**
	 * {@code PATCH /api/users/me/profile}: members present are changed, {@code null}
	 * clears.
	 *
	 * @param displayName 1 to 32 characters, no control characters; null: the username
	 * @param avatarUrl an absolute http(s) URL of at most 2048 characters; null: none
	 * @param bio at most 190 characters; null: none
	 * @param customStatus a text and/or an emoji, optionally until a future instant;
	 * null: none
	 */
	record ProfilePatch(
			@Nullable @Size(min = 1, max = 32) @Pattern(regexp = RequestPatterns.NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String displayName,
			@Nullable @Size(max = 2048) String avatarUrl, @Nullable @Size(max = 190) String bio,
			@Nullable @Valid CustomStatusRequest customStatus) {

		ProfileEdit toEdit(Set<String> given, Instant now) {
			String name = (this.displayName != null) ? this.displayName.strip() : null;
			if (name != null && name.isEmpty()) {
				throw ApiProblem.invalid("displayName", "must not be blank (null resets it to the username)");
			}
			String avatar = (this.avatarUrl != null && !this.avatarUrl.isBlank()) ? checkedUrl(this.avatarUrl) : null;
			String about = (this.bio != null && !this.bio.isBlank()) ? this.bio : null;
			CustomStatus status = (this.customStatus != null) ? this.customStatus.toCustomStatus(now) : null;
			return new ProfileEdit(given, name, avatar, about, status);
		}

		private static String checkedUrl(String url) {
			try {
				URI uri = new URI(url);
				String scheme = String.valueOf(uri.getScheme()).toLowerCase(java.util.Locale.ROOT);
				if (uri.isAbsolute() && uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"))) {
					return url;
				}
			}
			catch (URISyntaxException ex) {
				// refused below
			}
			throw ApiProblem.invalid("avatarUrl", "must be an absolute http or https URL");
		}

	}

	/**
	 * A custom status.
	 *
	 * @param text at most 128 characters
	 * @param emoji at most 32 characters: an emoji or a {@code :name:}
	 * @param expiresAt a future instant, or null to keep it until changed
	 */
	record CustomStatusRequest(
			@Nullable @Size(max = 128) @Pattern(regexp = RequestPatterns.NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String text,
			@Nullable @Size(max = 32) @Pattern(regexp = "^\\S*$", message = "must not contain spaces") String emoji,
			@Nullable Instant expiresAt) {

		CustomStatus toCustomStatus(Instant now) {
			String words = (this.text != null && !this.text.isBlank()) ? this.text.strip() : null;
			String symbol = (this.emoji != null && !this.emoji.isEmpty()) ? this.emoji : null;
			if (words == null && symbol == null) {
				throw ApiProblem.invalid("customStatus", "needs a text or an emoji (null clears it)");
			}
			if (this.expiresAt != null && !this.expiresAt.isAfter(now)) {
				throw ApiProblem.invalid("customStatus.expiresAt", "must be in the future");
			}
			return new CustomStatus(words, symbol, this.expiresAt);
		}

	}

	/**
	 * {@code PUT /api/users/me/status}.
	 *
	 * @param status {@code online}, {@code idle}, {@code dnd}, {@code invisible} or
	 * {@code offline}
	 */
	record StatusRequest(@NotNull @NotBlank @Pattern(regexp = Status.PATTERN,
			message = "must be one of online, idle, dnd, invisible, offline") String status) {

		Status toStatus() {
			return Status.of(this.status);
		}

	}

	static ProfileEdit edit(PatchBodies.Patch<ProfilePatch> patch, Instant now) {
		return patch.values().toEdit(patch.given(), now);
	}

}
