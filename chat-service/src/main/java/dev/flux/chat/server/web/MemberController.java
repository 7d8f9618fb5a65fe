package dev.flux.chat.server.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.flux.chat.server.Members;
import dev.flux.chat.server.Views.BanView;
import dev.flux.chat.server.Views.MemberPage;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.PatchBody;
import dev.flux.chat.web.SignedInUser;

/**
 * Members of a server: the list in join order, leaving, kicks, bans and nicknames
 * ({@code me} stands for the caller).
 */
@RestController
@Tag(name = "members")
@SecurityRequirement(name = "bearer")
class MemberController {

	private final Members members;

	MemberController(Members members) {
		this.members = members;
	}

	@GetMapping("/api/servers/{serverId}/members")
	@Operation(summary = "Members in join order: after is the previous page's next (0 for the first), limit 1-1000")
	MemberPage page(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@RequestParam(defaultValue = "0") @Min(0) long after,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.members.page(Ids.parse("serverId", serverId), SignedInUser.id(jwt), after, limit);
	}

	@DeleteMapping("/api/servers/{serverId}/members/me")
	@Operation(summary = "Leave the server (not its owner)")
	ResponseEntity<Void> leave(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId) {
		this.members.leave(Ids.parse("serverId", serverId), SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/servers/{serverId}/members/{userId}")
	@Operation(summary = "Kick a member below the caller's highest role (KICK_MEMBERS)")
	ResponseEntity<Void> kick(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable UUID userId) {
		this.members.kick(Ids.parse("serverId", serverId), userId, SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	@PatchMapping("/api/servers/{serverId}/members/{userId}")
	@Operation(summary = "Set a nickname {nickname} (null clears): me with CHANGE_NICKNAME, another member with "
			+ "MANAGE_NICKNAMES")
	ResponseEntity<Void> nickname(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable String userId, @RequestBody JsonNode body) {
		UUID caller = SignedInUser.id(jwt);
		UUID target = userId.equals("me") ? caller : uuid(userId);
		PatchBody patch = PatchBody.of(body, Set.of("nickname"));
		this.members.nickname(Ids.parse("serverId", serverId), target, caller, patch.text("nickname", 1, 32));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/servers/{serverId}/bans")
	@Operation(summary = "The server's bans (BAN_MEMBERS)")
	List<BanView> bans(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId) {
		return this.members.bans(Ids.parse("serverId", serverId), SignedInUser.id(jwt));
	}

	@PutMapping("/api/servers/{serverId}/bans/{userId}")
	@Operation(summary = "Ban a user {reason?}: removed from the server and unable to rejoin (BAN_MEMBERS)")
	ResponseEntity<Void> ban(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId, @PathVariable UUID userId,
			@RequestBody(required = false) @Nullable BanRequest request) {
		this.members.ban(Ids.parse("serverId", serverId), userId, SignedInUser.id(jwt),
				(request != null) ? request.reason() : null);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/servers/{serverId}/bans/{userId}")
	@Operation(summary = "Lift a ban (BAN_MEMBERS)")
	ResponseEntity<Void> unban(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable UUID userId) {
		this.members.unban(Ids.parse("serverId", serverId), userId, SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	private static UUID uuid(String userId) {
		try {
			return UUID.fromString(userId);
		}
		catch (IllegalArgumentException ex) {
			throw dev.flux.chat.refusal.Refusal.invalid("userId", "must be me or a user id");
		}
	}

	/**
	 * A ban.
	 *
	 * @param reason why, up to 512 characters
	 */
	record BanRequest(@Nullable @Size(max = 512) String reason) {

	}

}
