package dev.flux.chat.dm.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.chat.dm.DirectMessages;
import dev.flux.chat.dm.DirectMessages.DmView;
import dev.flux.chat.dm.DirectMessages.Opened;
import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.SignedInUser;

/**
 * {@code /api/dms}: open a 1:1 DM or a group DM, list them, rename a group and change who
 * is in it. Messages go through {@code /api/channels/{id}/messages}.
 */
@RestController
@RequestMapping("/api/dms")
@Tag(name = "direct messages")
@SecurityRequirement(name = "bearer")
class DmController {

	private final DirectMessages dms;

	DmController(DirectMessages dms) {
		this.dms = dms;
	}

	@PostMapping
	@Operation(
			summary = "Open the 1:1 DM with {recipientId} (201, or 200 with the one that exists), or a group DM "
					+ "of {recipientIds, name?} (201)",
			description = "403 dm-refused when the recipient does not take DMs from you; 403 not-friends when a "
					+ "group DM recipient is not your friend.")
	ResponseEntity<DmView> open(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OpenRequest request) {
		UUID userId = SignedInUser.id(jwt);
		if ((request.recipientId() == null) == (request.recipientIds() == null)) {
			throw Refusal.invalid("recipientId", "give either recipientId (a 1:1 DM) or recipientIds (a group DM)");
		}
		if (request.recipientId() != null) {
			Opened opened = this.dms.open(userId, userIdOf("recipientId", request.recipientId()));
			return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened.channel());
		}
		List<UUID> recipients = request.recipientIds().stream().map((id) -> userIdOf("recipientIds", id)).toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(this.dms.createGroup(userId, recipients, request.name()));
	}

	@GetMapping
	@Operation(summary = "The caller's DM channels, most recently active first")
	List<DmView> list(@AuthenticationPrincipal Jwt jwt) {
		return this.dms.list(SignedInUser.id(jwt));
	}

	@GetMapping("/{channelId}")
	@Operation(summary = "One DM channel of the caller's (404 for anyone else)")
	DmView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId) {
		return this.dms.get(Ids.parse("channelId", channelId), SignedInUser.id(jwt));
	}

	@PatchMapping("/{channelId}")
	@Operation(summary = "Rename a group DM {name} (null clears it); any member may")
	DmView rename(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@Valid @RequestBody RenameRequest request) {
		return this.dms.rename(Ids.parse("channelId", channelId), SignedInUser.id(jwt), request.name());
	}

	@PutMapping("/{channelId}/members/{userId}")
	@Operation(summary = "Add a friend to a group DM (at most 10 users); 409 group-full")
	DmView add(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId, @PathVariable String userId) {
		return this.dms.addMember(Ids.parse("channelId", channelId), SignedInUser.id(jwt), userIdOf("userId", userId));
	}

	@DeleteMapping("/{channelId}/members/{userId}")
	@Operation(summary = "Remove a member of a group DM (its owner), or leave it (one's own id)")
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String userId) {
		this.dms.removeMember(Ids.parse("channelId", channelId), SignedInUser.id(jwt), userIdOf("userId", userId));
		return ResponseEntity.noContent().build();
	}

	private static UUID userIdOf(String field, String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.invalid(field, "must be a user id (a UUID)");
		}
	}

	/**
	 * What to open: one recipient for a 1:1 DM, or several for a group DM.
	 *
	 * @param recipientId the other user of a 1:1 DM
	 * @param recipientIds the friends to start a group DM with (1 to 9)
	 * @param name the group DM's name
	 */
	record OpenRequest(@Nullable String recipientId,
			@Nullable @Size(min = 1, max = 9) List<@NotNull String> recipientIds,
			@Nullable @Size(min = 1, max = 100) String name) {

	}

	/**
	 * A group DM's new name.
	 *
	 * @param name 1 to 100 characters, or null to clear it
	 */
	record RenameRequest(@Nullable @Size(min = 1, max = 100) String name) {

	}

}
