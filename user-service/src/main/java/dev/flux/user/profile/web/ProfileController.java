package dev.flux.user.profile.web;

import java.time.Clock;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.flux.user.profile.OwnProfile;
import dev.flux.user.profile.ProfileEdits;
import dev.flux.user.profile.ProfileReads;
import dev.flux.user.profile.PublicProfile;
import dev.flux.user.profile.UserPage;
import dev.flux.user.web.Conditional;
import dev.flux.user.web.PatchBodies;
import dev.flux.user.web.SignedInUser;

/**
 * {@code /api/users}: the signed-in user's profile and status, other users' public
 * profiles, and search by username.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "profiles")
@SecurityRequirement(name = "bearer")
class ProfileController {

	private final ProfileReads reads;

	private final ProfileEdits edits;

	private final PatchBodies patches;

	private final Clock clock;

	ProfileController(ProfileReads reads, ProfileEdits edits, PatchBodies patches, Clock clock) {
		this.reads = reads;
		this.edits = edits;
		this.patches = patches;
		this.clock = clock;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user's profile, with their own status, presence and activities")
	ResponseEntity<OwnProfile> me(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return Conditional.read(this.reads.own(SignedInUser.id(jwt)), ifNoneMatch);
	}

	@PatchMapping("/me/profile")
	@Operation(summary = "Change display name, avatar URL, bio or custom status; members left out stay, null clears",
			description = "displayName 1-32 characters (null: the username), avatarUrl an absolute http(s) URL up to "
					+ "2048 characters, bio up to 190, customStatus {text up to 128, emoji up to 32, expiresAt in "
					+ "the future}. Unknown members are refused. If-Match: the profile's ETag.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = ProfileRequests.ProfilePatch.class))))
	ResponseEntity<OwnProfile> editProfile(@AuthenticationPrincipal Jwt jwt, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PatchBodies.Patch<ProfileRequests.ProfilePatch> patch = this.patches.read(body,
				ProfileRequests.ProfilePatch.class);
		return Conditional.written(this.edits.editProfile(SignedInUser.id(jwt),
				ProfileRequests.edit(patch, this.clock.instant()), ifMatch));
	}

	@PutMapping("/me/status")
	@Operation(summary = "Choose a status: online, idle, dnd, invisible (others see offline) or offline",
			description = "A chosen status stays until changed or cleared; presence no longer moves it.")
	ResponseEntity<OwnProfile> chooseStatus(@AuthenticationPrincipal Jwt jwt,
			@Valid @RequestBody ProfileRequests.StatusRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Conditional.written(this.edits.chooseStatus(SignedInUser.id(jwt), request.toStatus(), ifMatch));
	}

	@DeleteMapping("/me/status")
	@Operation(summary = "Clear the chosen status: the status follows presence (online while connected) again")
	ResponseEntity<OwnProfile> clearStatus(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Conditional.written(this.edits.chooseStatus(SignedInUser.id(jwt), null, ifMatch));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A user's public profile: no settings; invisible users appear offline")
	ResponseEntity<PublicProfile> user(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return Conditional.read(this.reads.publicProfile(id), ifNoneMatch);
	}

	@GetMapping
	@Operation(summary = "Users whose username starts with the given prefix (case-insensitive), paged")
	UserPage search(@RequestParam @NotBlank @Size(max = 32) String username,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
		return this.reads.search(username.strip(), page, size);
	}

}
