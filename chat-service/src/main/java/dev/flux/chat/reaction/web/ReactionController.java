package dev.flux.chat.reaction.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.reaction.Reactions;
import dev.flux.chat.reaction.Reactions.ReactionCount;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/**
 * {@code /api/channels/{id}/messages/{id}/reactions}: the emoji (URL-encoded unicode, or
 * {@code :name:}) is part of the path, as in Discord's API.
 */
@RestController
@RequestMapping("/api/channels/{channelId}/messages/{messageId}/reactions")
@Tag(name = "reactions")
@SecurityRequirement(name = "bearer")
class ReactionController {

	private final Reactions reactions;

	ReactionController(Reactions reactions) {
		this.reactions = reactions;
	}

	@GetMapping
	@Operation(summary = "Reactions per emoji: [{emoji, count, me}] (READ_MESSAGE_HISTORY)")
	List<ReactionCount> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId) {
		return this.reactions.of(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt));
	}

	@PutMapping("/{emoji}/me")
	@Operation(summary = "React with an emoji; again changes nothing (204)")
	ResponseEntity<Void> add(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId, @PathVariable String emoji) {
		this.reactions.add(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId), SignedInUser.id(jwt),
				emoji);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{emoji}/me")
	@Operation(summary = "Take one's reaction back (204)")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId, @PathVariable String emoji) {
		this.reactions.remove(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt), emoji);
		return ResponseEntity.noContent().build();
	}

}
