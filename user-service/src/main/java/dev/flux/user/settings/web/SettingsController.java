package dev.flux.user.settings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.flux.user.profile.ProfileEdits;
import dev.flux.user.profile.ProfileReads;
import dev.flux.user.settings.Settings;
import dev.flux.web.ApiProblem;
import dev.flux.user.web.Conditional;
import dev.flux.user.web.PatchBodies;
import dev.flux.user.web.SignedInUser;

/** {@code /api/users/me/settings}: the signed-in user's settings. */
@RestController
@RequestMapping("/api/users/me/settings")
@Tag(name = "settings")
@SecurityRequirement(name = "bearer")
class SettingsController {

	private static final String LANGUAGE_PATTERN = Settings.LANGUAGES;

	private static final String THEME_MESSAGE = "must be one of dark, light, system";

	private static final String LANGUAGE_MESSAGE = "must be one of the languages Flux is translated into: "
			+ LANGUAGE_PATTERN;

	private final ProfileReads reads;

	private final ProfileEdits edits;

	private final PatchBodies patches;

	SettingsController(ProfileReads reads, ProfileEdits edits, PatchBodies patches) {
		this.reads = reads;
		this.edits = edits;
		this.patches = patches;
	}

	@GetMapping
	@Operation(summary = "The signed-in user's settings")
	ResponseEntity<Settings> get(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return Conditional.read(this.reads.settings(SignedInUser.id(jwt)), ifNoneMatch);
	}

	@PutMapping
	@Operation(summary = "Replace all settings; every field is required",
			description = "theme: dark, light or system; language: " + LANGUAGE_PATTERN
					+ "; the rest booleans. If-Match: the settings' ETag.")
	ResponseEntity<Settings> replace(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SettingsPut request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		Settings settings = request.toSettings();
		return Conditional.written(this.edits.changeSettings(SignedInUser.id(jwt), (current) -> settings, ifMatch));
	}

	@PatchMapping
	@Operation(summary = "Change some settings; members left out stay, null is refused",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = SettingsPatch.class))))
	ResponseEntity<Settings> patch(@AuthenticationPrincipal Jwt jwt, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PatchBodies.Patch<SettingsPatch> patch = this.patches.read(body, SettingsPatch.class);
		for (String field : patch.given()) {
			if (body.get(field).isNull()) {
				throw ApiProblem.invalid(field, "must not be null");
			}
		}
		return Conditional.written(this.edits.changeSettings(SignedInUser.id(jwt), patch.values()::applyTo, ifMatch));
	}

	/** All settings, for {@code PUT}. */
	record SettingsPut(@NotNull @Pattern(regexp = Settings.THEMES, message = THEME_MESSAGE) String theme,
			@NotNull @Pattern(regexp = LANGUAGE_PATTERN, message = LANGUAGE_MESSAGE) String language,
			@NotNull Boolean notificationsEnabled, @NotNull Boolean soundEnabled, @NotNull Boolean showOnlineStatus,
			@NotNull Boolean allowDirectMessages, @NotNull Boolean allowFriendRequests) {

		Settings toSettings() {
			return new Settings(this.theme, this.language, this.notificationsEnabled, this.soundEnabled,
					this.showOnlineStatus, this.allowDirectMessages, this.allowFriendRequests);
		}

	}

	/** Some settings, for {@code PATCH}. */
	record SettingsPatch(@Nullable @Pattern(regexp = Settings.THEMES, message = THEME_MESSAGE) String theme,
			@Nullable @Pattern(regexp = LANGUAGE_PATTERN, message = LANGUAGE_MESSAGE) String language,
			@Nullable Boolean notificationsEnabled, @Nullable Boolean soundEnabled, @Nullable Boolean showOnlineStatus,
			@Nullable Boolean allowDirectMessages, @Nullable Boolean allowFriendRequests) {

		Settings applyTo(Settings current) {
			return new Settings(or(this.theme, current.theme()), or(this.language, current.language()),
					or(this.notificationsEnabled, current.notificationsEnabled()),
					or(this.soundEnabled, current.soundEnabled()),
					or(this.showOnlineStatus, current.showOnlineStatus()),
					or(this.allowDirectMessages, current.allowDirectMessages()),
					or(this.allowFriendRequests, current.allowFriendRequests()));
		}

		private static <T> T or(@Nullable T value, T current) {
			return (value != null) ? value : current;
		}

	}

}
