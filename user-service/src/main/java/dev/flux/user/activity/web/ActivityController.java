package dev.flux.user.activity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.user.activity.ActivityView;
import dev.flux.user.profile.ProfileEdits;
import dev.flux.user.profile.ProfileReads;
import dev.flux.web.ApiProblem;
import dev.flux.user.web.Conditional;
import dev.flux.user.web.RequestPatterns;
import dev.flux.user.web.SignedInUser;

/** {@code /api/users/me/activities}: what the signed-in user is doing. */
@RestController
@RequestMapping("/api/users/me/activities")
@Tag(name = "activities")
@SecurityRequirement(name = "bearer")
class ActivityController {

	private final ProfileReads reads;

	private final ProfileEdits edits;

	ActivityController(ProfileReads reads, ProfileEdits edits) {
		this.reads = reads;
		this.edits = edits;
	}

	@GetMapping
	@Operation(summary = "The signed-in user's activities, oldest first; the ETag is the profile's")
	ResponseEntity<List<ActivityView>> list(@AuthenticationPrincipal Jwt jwt,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		return Conditional.read(this.reads.activities(SignedInUser.id(jwt)), ifNoneMatch);
	}

	@PostMapping
	@Operation(
			summary = "Start an activity (at most " + ProfileEdits.MAX_ACTIVITIES + "): playing, listening or watching",
			description = "name 1-128 characters, details and state up to 128, startedAt defaults to now, endsAt "
					+ "after startedAt. If-Match: the profile's ETag.")
	ResponseEntity<ActivityView> add(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ActivityRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		var added = this.edits.addActivity(SignedInUser.id(jwt), request.toDraft(), ifMatch);
		return ResponseEntity.created(URI.create("/api/users/me/activities/" + added.body().id()))
			.eTag(added.etag())
			.body(added.body());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "End one of the signed-in user's activities")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		String etag = this.edits.removeActivity(SignedInUser.id(jwt), id, ifMatch);
		return ResponseEntity.noContent().eTag(etag).build();
	}

	/**
	 * A new activity.
	 *
	 * @param type {@code playing}, {@code listening} or {@code watching}
	 * @param name 1 to 128 characters
	 * @param details at most 128 characters
	 * @param state at most 128 characters
	 * @param startedAt when it started; now when left out
	 * @param endsAt when it ends, after {@code startedAt}
	 */
	record ActivityRequest(
			@NotNull @Pattern(regexp = "playing|listening|watching",
					message = "must be one of playing, listening, watching") String type,
			@NotBlank @Size(max = 128) @Pattern(regexp = RequestPatterns.NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String name,
			@Nullable @Size(max = 128) String details, @Nullable @Size(max = 128) String state,
			@Nullable Instant startedAt, @Nullable Instant endsAt) {

		ActivityView.Draft toDraft() {
			Instant start = (this.startedAt != null) ? this.startedAt : Instant.now();
			if (this.endsAt != null && !this.endsAt.isAfter(start)) {
				throw ApiProblem.invalid("endsAt", "must be after startedAt");
			}
			return new ActivityView.Draft(this.type, this.name.strip(), blankToNull(this.details),
					blankToNull(this.state), this.startedAt, this.endsAt);
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
