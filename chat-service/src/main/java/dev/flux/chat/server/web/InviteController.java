package dev.flux.chat.server.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.server.Invites;
import dev.flux.chat.server.Views.InviteView;
import dev.flux.chat.server.Views.ServerView;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/** Invites: made for a channel, previewed and used by code. */
@RestController
@Tag(name = "invites")
@SecurityRequirement(name = "bearer")
class InviteController {

	/** How long an invite works when the request does not say (Discord's default). */
	private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

	private final Invites invites;

	InviteController(Invites invites) {
		this.invites = invites;
	}

	@PostMapping("/api/channels/{channelId}/invites")
	@Operation(summary = "Make an invite {maxAge seconds? (0: never expires, default 86400), maxUses? (0: any)} "
			+ "(CREATE_INVITE)")
	ResponseEntity<InviteView> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@Valid @RequestBody(required = false) @Nullable InviteRequest request) {
		Integer maxAge = (request != null) ? request.maxAge() : null;
		Integer maxUses = (request != null) ? request.maxUses() : null;
		Duration age = (maxAge == null) ? DEFAULT_MAX_AGE : (maxAge == 0) ? null : Duration.ofSeconds(maxAge);
		InviteView invite = this.invites.create(Ids.parse("channelId", channelId), SignedInUser.id(jwt), age,
				(maxUses == null || maxUses == 0) ? null : maxUses);
		return ResponseEntity.status(HttpStatus.CREATED).body(invite);
	}

	@GetMapping("/api/invites/{code}")
	@Operation(summary = "What an invite leads to (404 when unknown, expired or used up)")
	InviteView preview(@PathVariable String code) {
		return this.invites.preview(code);
	}

	@PostMapping("/api/invites/{code}")
	@Operation(summary = "Join the invite's server (403 when banned); a member already in it gets it back")
	ServerView join(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
		return this.invites.join(code, SignedInUser.id(jwt));
	}

	/**
	 * An invite's limits.
	 *
	 * @param maxAge seconds it works, 0 for ever (default a day)
	 * @param maxUses joins it allows, 0 for any number
	 */
	record InviteRequest(@Nullable @Min(0) @Max(604_800) Integer maxAge, @Nullable @Min(0) @Max(100) Integer maxUses) {

	}

}
