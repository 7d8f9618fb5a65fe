package dev.flux.auth.session;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.web.Clients;

/** Refresh, logout and the signed-in user's sessions. */
@RestController
@Tag(name = "sessions")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/api/auth/refresh")
	@Operation(summary = "Exchange a refresh token for a new pair; a token works once, reuse revokes its session")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		return this.sessions.refresh(request.refreshToken(), Clients.of(http));
	}

	@PostMapping("/api/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End the session of a refresh token")
	void logout(@Valid @RequestBody RefreshRequest request) {
		this.sessions.logout(request.refreshToken());
	}

	@PostMapping("/api/auth/logout-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End every session of the signed-in user", security = @SecurityRequirement(name = "bearer"))
	void logoutAll(@AuthenticationPrincipal Jwt jwt) {
		this.sessions.revokeAll(userId(jwt), null, "logout_all");
	}

	@GetMapping("/api/auth/sessions")
	@Operation(summary = "The signed-in user's live sessions", security = @SecurityRequirement(name = "bearer"))
	List<SessionView> list(@AuthenticationPrincipal Jwt jwt) {
		return this.sessions.list(userId(jwt), sessionId(jwt));
	}

	@DeleteMapping("/api/auth/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End one of the signed-in user's sessions", security = @SecurityRequirement(name = "bearer"))
	void revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		this.sessions.revoke(userId(jwt), id);
	}

	static UUID userId(Jwt jwt) {
		return UUID.fromString(jwt.getSubject());
	}

	static @Nullable UUID sessionId(Jwt jwt) {
		String sid = jwt.getClaimAsString("sid");
		return (sid != null) ? UUID.fromString(sid) : null;
	}

	record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
	}

}
