package dev.flux.auth.social;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.social.SocialLogin.IdentityView;
import dev.flux.auth.social.SocialLogin.LinkTicket;
import dev.flux.auth.web.Clients;

/**
 * The API side of social login: the providers offered, the one-time code exchange, and
 * the signed-in user's linked identities.
 */
@RestController
@Tag(name = "social login")
class SocialController {

	private final SocialLogin socialLogin;

	private final SocialProviders providers;

	SocialController(SocialLogin socialLogin, SocialProviders providers) {
		this.socialLogin = socialLogin;
		this.providers = providers;
	}

	@GetMapping("/api/auth/providers")
	@Operation(summary = "The social login providers this server offers, with the URL that starts each flow")
	List<ProviderView> providers() {
		return this.providers.enabled()
			.stream()
			.map((registration) -> new ProviderView(registration.getRegistrationId(), registration.getClientName(),
					"/oauth2/authorization/" + registration.getRegistrationId()))
			.toList();
	}

	@PostMapping("/api/auth/oauth2/token")
	@Operation(summary = "Exchange the one-time code a social sign-in redirected with for a token pair",
			description = "A code works once and for a short time; presenting a used code again revokes "
					+ "the session it opened.")
	TokenResponse token(@Valid @RequestBody CodeRequest request, HttpServletRequest http) {
		return this.socialLogin.exchange(request.code(), Clients.of(http));
	}

	@GetMapping("/api/auth/me/identities")
	@Operation(summary = "The signed-in user's linked providers", security = @SecurityRequirement(name = "bearer"))
	List<IdentityView> identities(@AuthenticationPrincipal Jwt jwt) {
		return this.socialLogin.identities(userId(jwt));
	}

	@PostMapping("/api/auth/me/identities/link-tickets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start linking a provider: a short-lived ticket and the URL to open in the browser",
			description = "The account's email must be verified. The flow ends at the front-end with "
					+ "?code=...&flow=link, which the same user then posts to /api/auth/me/identities.",
			security = @SecurityRequirement(name = "bearer"))
	LinkTicket linkTicket(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody LinkTicketRequest request) {
		return this.socialLogin.linkTicket(userId(jwt), request.provider());
	}

	@PostMapping("/api/auth/me/identities")
	@Operation(summary = "Finish linking a provider with the code the linking flow redirected with",
			security = @SecurityRequirement(name = "bearer"))
	List<IdentityView> link(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CodeRequest request,
			HttpServletRequest http) {
		return this.socialLogin.link(userId(jwt), request.code(), Clients.of(http));
	}

	@DeleteMapping("/api/auth/me/identities/{provider}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Unlink a provider; refused when it is the only way left to sign in",
			security = @SecurityRequirement(name = "bearer"))
	void unlink(@AuthenticationPrincipal Jwt jwt, @PathVariable String provider, HttpServletRequest http) {
		this.socialLogin.unlink(userId(jwt), provider, Clients.of(http));
	}

	private static UUID userId(Jwt jwt) {
		return UUID.fromString(jwt.getSubject());
	}

	record ProviderView(String id, String name, String authorizationUrl) {
	}

	record CodeRequest(@NotBlank @Size(max = 256) String code) {
	}

	record LinkTicketRequest(@NotBlank @Size(max = 32) String provider) {
	}

}
