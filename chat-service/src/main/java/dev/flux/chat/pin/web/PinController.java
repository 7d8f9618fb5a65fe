package dev.flux.chat.pin.web;

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

import dev.flux.chat.message.MessageView;
import dev.flux.chat.pin.Pins;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/** {@code /api/channels/{id}/pins}: pin, unpin and list pinned messages. */
@RestController
@RequestMapping("/api/channels/{channelId}/pins")
@Tag(name = "pins")
@SecurityRequirement(name = "bearer")
class PinController {

	private final Pins pins;

	PinController(Pins pins) {
		this.pins = pins;
	}

	@GetMapping
	@Operation(summary = "Pinned messages, latest pin first (READ_MESSAGE_HISTORY)")
	List<MessageView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId) {
		return this.pins.of(Ids.parse("channelId", channelId), SignedInUser.id(jwt));
	}

	@PutMapping("/{messageId}")
	@Operation(summary = "Pin a message (MANAGE_MESSAGES in a server, anyone in a DM); 409 too-many-pins at 50")
	ResponseEntity<Void> pin(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId) {
		this.pins.pin(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId), SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{messageId}")
	@Operation(summary = "Unpin a message (the same permission)")
	ResponseEntity<Void> unpin(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String messageId) {
		this.pins.unpin(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId), SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

}
