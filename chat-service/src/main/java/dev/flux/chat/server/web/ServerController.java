package dev.flux.chat.server.web;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import dev.flux.chat.server.Servers;
import dev.flux.chat.server.Views.NewServer;
import dev.flux.chat.server.Views.ServerView;
import dev.flux.chat.server.Views.Tagged;
import dev.flux.chat.web.Ids;
import dev.flux.chat.web.PatchBody;
import dev.flux.chat.web.SignedInUser;

/** {@code /api/servers}: create, read, rename and delete servers. */
@RestController
@RequestMapping("/api/servers")
@Tag(name = "servers")
@SecurityRequirement(name = "bearer")
class ServerController {

	private final Servers servers;

	ServerController(Servers servers) {
		this.servers = servers;
	}

	@PostMapping
	@Operation(summary = "Create a server: the caller owns it; it comes with @everyone and a text channel general")
	ResponseEntity<NewServer> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewServerRequest request) {
		Tagged<NewServer> created = this.servers.create(SignedInUser.id(jwt), request.name().strip());
		return ResponseEntity.status(HttpStatus.CREATED).eTag(created.etag()).body(created.body());
	}

	@GetMapping
	@Operation(summary = "The servers the caller is a member of, in the order they joined them")
	List<ServerView> mine(@AuthenticationPrincipal Jwt jwt) {
		return this.servers.mine(SignedInUser.id(jwt));
	}

	@GetMapping("/{serverId}")
	@Operation(summary = "A server the caller is a member of (404 otherwise), with the caller's permissions there")
	ResponseEntity<ServerView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId) {
		return Responses.ok(this.servers.get(Ids.parse("serverId", serverId), SignedInUser.id(jwt)));
	}

	@PatchMapping("/{serverId}")
	@Operation(summary = "Rename a server {name} (MANAGE_SERVER); If-Match: the server's ETag")
	ResponseEntity<ServerView> rename(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@RequestBody JsonNode body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		PatchBody patch = PatchBody.of(body, Set.of("name"));
		String name = patch.text("name", 1, 100);
		if (name == null) {
			return get(jwt, serverId);
		}
		return Responses.ok(this.servers.rename(Ids.parse("serverId", serverId), SignedInUser.id(jwt), name, ifMatch));
	}

	@DeleteMapping("/{serverId}")
	@Operation(summary = "Delete a server with everything in it (owner only)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String serverId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.servers.delete(Ids.parse("serverId", serverId), SignedInUser.id(jwt), ifMatch);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new server.
	 *
	 * @param name its name, 1 to 100 characters
	 */
	record NewServerRequest(@NotBlank @Size(max = 100) String name) {

	}

}
