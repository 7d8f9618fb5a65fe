package dev.flux.chat.server.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.flux.chat.server.Channels;
import dev.flux.chat.server.Channels.ChannelDraft;
import dev.flux.chat.server.Channels.ChannelEdit;
import dev.flux.chat.server.Views.ChannelView;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.PatchBody;
import dev.flux.chat.web.SignedInUser;

/**
 * Channels: {@code /api/servers/{id}/channels} to list and create,
 * {@code /api/channels/{id}} to read, edit and delete, and its {@code overwrites}.
 */
@RestController
@Tag(name = "channels")
@SecurityRequirement(name = "bearer")
class ChannelController {

	private static final Set<String> EDITABLE = Set.of("name", "topic", "position", "parentId");

	private final Channels channels;

	ChannelController(Channels channels) {
		this.channels = channels;
	}

	@GetMapping("/api/servers/{serverId}/channels")
	@Operation(summary = "The server's channels the caller may view, by position")
	List<ChannelView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId) {
		return this.channels.list(Ids.parse("serverId", serverId), SignedInUser.id(jwt));
	}

	@PostMapping("/api/servers/{serverId}/channels")
	@Operation(summary = "Create a channel {name, type: text|category, topic?, position?, parentId?} (MANAGE_CHANNELS)")
	ResponseEntity<ChannelView> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@Valid @RequestBody NewChannelRequest request) {
		ChannelDraft draft = new ChannelDraft(request.name().strip(), request.type(), request.topic(),
				request.position(), (request.parentId() != null) ? Ids.parse("parentId", request.parentId()) : null);
		return Responses.created(this.channels.create(Ids.parse("serverId", serverId), SignedInUser.id(jwt), draft));
	}

	@GetMapping("/api/channels/{channelId}")
	@Operation(summary = "A channel the caller may view, with their permissions in it")
	ResponseEntity<ChannelView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId) {
		return Responses.ok(this.channels.get(Ids.parse("channelId", channelId), SignedInUser.id(jwt)));
	}

	@PatchMapping("/api/channels/{channelId}")
	@Operation(summary = "Change name, topic, position or parentId (MANAGE_CHANNELS); null clears topic and "
			+ "parentId; If-Match: the channel's ETag")
	ResponseEntity<ChannelView> edit(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PatchBody patch = PatchBody.of(body, EDITABLE);
		ChannelEdit edit = new ChannelEdit(patch.fields(), patch.text("name", 1, 100), patch.text("topic", 0, 1024),
				patch.integer("position", 0, 10_000), patch.id("parentId"));
		return Responses.ok(this.channels.edit(Ids.parse("channelId", channelId), SignedInUser.id(jwt), edit, ifMatch));
	}

	@DeleteMapping("/api/channels/{channelId}")
	@Operation(summary = "Delete a channel with its messages (MANAGE_CHANNELS)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.channels.delete(Ids.parse("channelId", channelId), SignedInUser.id(jwt), ifMatch);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/channels/{channelId}/overwrites/roles/{roleId}")
	@Operation(summary = "Set a role's overwrite {allow: [names], deny: [names]} (MANAGE_ROLES; the server id is "
			+ "@everyone)")
	ResponseEntity<ChannelView> overwriteRole(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String roleId, @Valid @RequestBody OverwriteRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Responses.ok(this.channels.overwrite(Ids.parse("channelId", channelId), SignedInUser.id(jwt),
				Ids.parse("roleId", roleId), null, Responses.permissions("allow", request.allow()),
				Responses.permissions("deny", request.deny()), ifMatch));
	}

	@PutMapping("/api/channels/{channelId}/overwrites/members/{userId}")
	@Operation(summary = "Set a member's overwrite {allow: [names], deny: [names]} (MANAGE_ROLES)")
	ResponseEntity<ChannelView> overwriteMember(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable UUID userId, @Valid @RequestBody OverwriteRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Responses.ok(this.channels.overwrite(Ids.parse("channelId", channelId), SignedInUser.id(jwt), null,
				userId, Responses.permissions("allow", request.allow()), Responses.permissions("deny", request.deny()),
				ifMatch));
	}

	@DeleteMapping("/api/channels/{channelId}/overwrites/roles/{roleId}")
	@Operation(summary = "Remove a role's overwrite (MANAGE_ROLES)")
	ResponseEntity<ChannelView> removeRoleOverwrite(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable String roleId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Responses.ok(this.channels.removeOverwrite(Ids.parse("channelId", channelId), SignedInUser.id(jwt),
				Ids.parse("roleId", roleId), null, ifMatch));
	}

	@DeleteMapping("/api/channels/{channelId}/overwrites/members/{userId}")
	@Operation(summary = "Remove a member's overwrite (MANAGE_ROLES)")
	ResponseEntity<ChannelView> removeMemberOverwrite(@AuthenticationPrincipal Jwt jwt, @PathVariable String channelId,
			@PathVariable UUID userId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		return Responses.ok(this.channels.removeOverwrite(Ids.parse("channelId", channelId), SignedInUser.id(jwt), null,
				userId, ifMatch));
	}

	/**
	 * A new channel.
	 *
	 * @param name 1 to 100 characters
	 * @param type {@code text} or {@code category}
	 * @param topic up to 1,024 characters
	 * @param position where it sorts; absent puts it last
	 * @param parentId the category to put it in
	 */
	record NewChannelRequest(@NotBlank @Size(max = 100) String name,
			@NotNull @Pattern(regexp = "text|category", message = "must be text or category") String type,
			@Nullable @Size(max = 1024) String topic, @Nullable @Min(0) @Max(10_000) Integer position,
			@Nullable String parentId) {

	}

	/**
	 * A permission overwrite.
	 *
	 * @param allow permission names granted
	 * @param deny permission names taken away
	 */
	record OverwriteRequest(@NotNull List<String> allow, @NotNull List<String> deny) {

	}

}
