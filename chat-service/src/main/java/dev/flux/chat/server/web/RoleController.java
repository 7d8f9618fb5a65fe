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

import dev.flux.chat.refusal.Refusal;
import dev.flux.chat.server.Roles;
import dev.flux.chat.server.Views.RoleView;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.PatchBody;
import dev.flux.chat.web.SignedInUser;

/** Roles of a server and who has them: {@code /api/servers/{id}/roles}. */
@RestController
@Tag(name = "roles")
@SecurityRequirement(name = "bearer")
class RoleController {

	private final Roles roles;

	RoleController(Roles roles) {
		this.roles = roles;
	}

	@GetMapping("/api/servers/{serverId}/roles")
	@Operation(summary = "The server's roles, highest first (@everyone has the server's id)")
	List<RoleView> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId) {
		return this.roles.list(Ids.parse("serverId", serverId), SignedInUser.id(jwt));
	}

	@PostMapping("/api/servers/{serverId}/roles")
	@Operation(summary = "Create a role {name, permissions: [names], position?} (MANAGE_ROLES, below the caller's "
			+ "highest role, only permissions the caller holds)")
	ResponseEntity<RoleView> create(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@Valid @RequestBody NewRoleRequest request) {
		return Responses
			.created(this.roles.create(Ids.parse("serverId", serverId), SignedInUser.id(jwt), request.name().strip(),
					Responses.permissions("permissions", request.permissions()), request.position()));
	}

	@GetMapping("/api/servers/{serverId}/roles/{roleId}")
	@Operation(summary = "One role, with its ETag")
	ResponseEntity<RoleView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable String roleId) {
		return Responses
			.ok(this.roles.get(Ids.parse("serverId", serverId), Ids.parse("roleId", roleId), SignedInUser.id(jwt)));
	}

	@PatchMapping("/api/servers/{serverId}/roles/{roleId}")
	@Operation(summary = "Change a role's name, permissions or position (MANAGE_ROLES); If-Match: the role's ETag")
	ResponseEntity<RoleView> edit(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable String roleId, @RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PatchBody patch = PatchBody.of(body, Set.of("name", "permissions", "position"));
		Long permissions = null;
		JsonNode names = patch.raw("permissions");
		if (names != null) {
			if (!names.isArray() || !names.valueStream().allMatch(JsonNode::isString)) {
				throw Refusal.invalid("permissions", "must be a list of permission names");
			}
			permissions = Responses.permissions("permissions", names.valueStream().map(JsonNode::asString).toList());
		}
		return Responses
			.ok(this.roles.edit(Ids.parse("serverId", serverId), Ids.parse("roleId", roleId), SignedInUser.id(jwt),
					patch.text("name", 1, 100), permissions, patch.integer("position", 1, 10_000), ifMatch));
	}

	@DeleteMapping("/api/servers/{serverId}/roles/{roleId}")
	@Operation(summary = "Delete a role (MANAGE_ROLES; not @everyone)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable String roleId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.roles.delete(Ids.parse("serverId", serverId), Ids.parse("roleId", roleId), SignedInUser.id(jwt), ifMatch);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/api/servers/{serverId}/members/{userId}/roles/{roleId}")
	@Operation(summary = "Give a member a role (MANAGE_ROLES, a role below the caller's highest)")
	ResponseEntity<Void> assign(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable UUID userId, @PathVariable String roleId) {
		this.roles.assign(Ids.parse("serverId", serverId), userId, Ids.parse("roleId", roleId), SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/servers/{serverId}/members/{userId}/roles/{roleId}")
	@Operation(summary = "Take a role from a member (MANAGE_ROLES, a role below the caller's highest)")
	ResponseEntity<Void> unassign(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@PathVariable UUID userId, @PathVariable String roleId) {
		this.roles.unassign(Ids.parse("serverId", serverId), userId, Ids.parse("roleId", roleId), SignedInUser.id(jwt));
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new role.
	 *
	 * @param name 1 to 100 characters
	 * @param permissions permission names
	 * @param position higher is more powerful; absent: just above @everyone
	 */
	record NewRoleRequest(@NotBlank @Size(max = 100) String name, List<String> permissions,
			@Nullable @Min(1) @Max(10_000) Integer position) {

		NewRoleRequest {
			permissions = (permissions != null) ? permissions : List.of();
		}

	}

}
