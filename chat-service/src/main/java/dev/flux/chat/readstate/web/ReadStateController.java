package dev.flux.chat.readstate.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.readstate.ReadStates;
import dev.flux.chat.readstate.ReadStates.ReadState;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/** Acks and read states of the signed-in user. */
@RestController
@Tag(name = "read states")
@SecurityRequirement(name = "bearer")
class ReadStateController {

	private final ReadStates readStates;

	ReadStateController(ReadStates readStates) {
		this.readStates = readStates;
	}

	@PostMapping("/api/channels/{channelId}/messages/{messageId}/ack")
	@Operation(summary = "Mark the channel read up to this message; only ever moves forward",
			description = "The answer is the read state after the ack (an older ack than the one held leaves it).")
	ReadState ack(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId, @PathVariable String messageId) {
		return this.readStates.ack(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				SignedInUser.id(jwt));
	}

	@GetMapping("/api/channels/{channelId}/read-state")
	@Operation(summary = "The signed-in user's read state of a channel")
	ReadState get(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId) {
		return this.readStates.of(Ids.parse("channelId", channelId), SignedInUser.id(jwt));
	}

	@GetMapping("/api/users/me/read-states")
	@Operation(summary = "Read states of every channel the signed-in user can read: DMs and server text channels")
	List<ReadState> all(@AuthenticationPrincipal Jwt jwt) {
		return this.readStates.all(SignedInUser.id(jwt));
	}

}
