package dev.flux.chat.relationship.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.relationship.Relationships;
import dev.flux.chat.relationship.Relationships.RelationshipView;
import dev.flux.chat.web.SignedInUser;

/**
 * {@code /api/users/me/relationships} (friends and requests) and
 * {@code /api/users/me/blocks}.
 */
@RestController
@RequestMapping("/api/users/me")
@Tag(name = "relationships")
@SecurityRequirement(name = "bearer")
class RelationshipController {

	private final Relationships relationships;

	RelationshipController(Relationships relationships) {
		this.relationships = relationships;
	}

	@GetMapping("/relationships")
	@Operation(summary = "Friends, requests sent (outgoing) and received (incoming), and blocks, newest first")
	List<RelationshipView> list(@AuthenticationPrincipal Jwt jwt) {
		return this.relationships.list(SignedInUser.id(jwt));
	}

	@PostMapping("/relationships")
	@Operation(summary = "Send a friend request by {username}",
			description = "403 friend-requests-closed when the user accepts none; accepts their request when they "
					+ "sent one.")
	RelationshipView requestByName(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ByName request) {
		return this.relationships.requestByName(SignedInUser.id(jwt), request.username());
	}

	@PutMapping("/relationships/{userId}")
	@Operation(summary = "Send a friend request to a user id, or accept theirs",
			description = "403 friend-requests-closed when the user accepts none; 409 already-friends, "
					+ "unblock-first.")
	RelationshipView request(@AuthenticationPrincipal Jwt jwt, @PathVariable String userId) {
		return this.relationships.request(SignedInUser.id(jwt), userIdOf(userId));
	}

	@PostMapping("/relationships/{userId}/accept")
	@Operation(summary = "Accept the friend request the user sent")
	RelationshipView accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String userId) {
		return this.relationships.accept(SignedInUser.id(jwt), userIdOf(userId));
	}

	@DeleteMapping("/relationships/{userId}")
	@Operation(summary = "Unfriend, decline a request, cancel one's own request, or unblock")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String userId) {
		this.relationships.remove(SignedInUser.id(jwt), userIdOf(userId));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/blocks/{userId}")
	@Operation(summary = "Block a user: ends a friendship; they are never told")
	RelationshipView block(@AuthenticationPrincipal Jwt jwt, @PathVariable String userId) {
		return this.relationships.block(SignedInUser.id(jwt), userIdOf(userId));
	}

	@DeleteMapping("/blocks/{userId}")
	@Operation(summary = "Unblock a user")
	ResponseEntity<Void> unblock(@AuthenticationPrincipal Jwt jwt, @PathVariable String userId) {
		this.relationships.unblock(SignedInUser.id(jwt), userIdOf(userId));
		return ResponseEntity.noContent().build();
	}

	static UUID userIdOf(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid("userId", "must be a user id (a UUID)");
		}
	}

	/**
	 * A friend request by username.
	 *
	 * @param username the user's username
	 */
	record ByName(@NotBlank @Size(max = 32) String username) {

	}

}
