package dev.flux.auth.login;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.web.Clients;

/** Sign-in with a login and a password. */
@RestController
@Tag(name = "sessions")
class SignInController {

	private final SignIn signIn;

	SignInController(SignIn signIn) {
		this.signIn = signIn;
	}

	@PostMapping("/api/auth/login")
	@Operation(summary = "Sign in with an email address or username and a password")
	TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return this.signIn.signIn(request.login(), request.password(), Clients.of(http));
	}

	record LoginRequest(@NotBlank @Size(max = 254) String login, @NotNull @Size(max = 1024) String password) {
	}

}
