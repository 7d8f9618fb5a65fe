package dev.flux.auth.login;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.throttle.DeviceCookies;
import dev.flux.auth.web.Clients;

/** Sign-in with a login and a password; a success sets the device cookie. */
@RestController
@Tag(name = "sessions")
class SignInController {

	private final SignIn signIn;

	private final DeviceCookies devices;

	private final boolean secureCookies;

	SignInController(SignIn signIn, DeviceCookies devices, AuthProperties properties) {
		this.signIn = signIn;
		this.devices = devices;
		this.secureCookies = properties.deviceCookies().secureFor(properties.issuer());
	}

	@PostMapping("/api/auth/login")
	@Operation(summary = "Sign in with an email address or username and a password")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http, HttpServletResponse response,
			@CookieValue(name = DeviceCookies.NAME, required = false) @Nullable String deviceCookie) {
		SignIn.SignedIn signedIn = this.signIn.signIn(request.login(), request.password(), Clients.of(http),
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

	record LoginRequest(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 1024) String password) {
	}

}
