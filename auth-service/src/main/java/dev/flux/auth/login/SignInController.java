package dev.flux.auth.login;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.session.SessionView;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.throttle.DeviceCookies;
import dev.flux.auth.web.ClientInfo;

/** Sign-in, refresh, logout and the signed-in user's sessions. */
@RestController
@Tag(name = "sessions")
class SignInController {

	private final SignIn signIn;

	private final Sessions sessions;

	private final DeviceCookies devices;

	private final boolean secureCookies;

	SignInController(SignIn signIn, Sessions sessions, DeviceCookies devices, AuthProperties properties) {
		this.signIn = signIn;
		this.sessions = sessions;
		this.devices = devices;
		this.secureCookies = properties.deviceCookies().secureFor(properties.issuer());
	}

	@PostMapping("/api/auth/login")
	@Operation(summary = "Sign in with an email address or username and a password")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http, HttpServletResponse response,
			@CookieValue(name = DeviceCookies.NAME, required = false) @Nullable String deviceCookie) {
		SignIn.SignedIn signedIn = this.signIn.signIn(request.login(), request.password(), ClientInfo.of(http),
				(deviceCookie != null && deviceCookie.length() <= 64) ? deviceCookie : null);
		response.addHeader(HttpHeaders.SET_COOKIE,
				ResponseCookie.from(DeviceCookies.NAME, signedIn.deviceCookie())
					.httpOnly(true)
					.secure(this.secureCookies)
					.path(DeviceCookies.PATH)
					.sameSite("Strict")
					.maxAge(this.devices.ttl())
					.build()
					.toString());
		return signedIn.tokens();
	}

	@PostMapping("/api/auth/refresh")
	@Operation(summary = "Exchange a refresh token for a new pair; a token works once, reuse revokes its session")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
		return this.sessions.refresh(request.refreshToken(), ClientInfo.of(http));
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

	record LoginRequest(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 1024) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {
	}

}
