package dev.flux.auth.registration;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Username;
import dev.flux.auth.registration.Registration.Registered;
import dev.flux.auth.web.Clients;

/** {@code POST /api/auth/register}. */
@RestController
@Tag(name = "registration")
class RegistrationController {

	private final Registration registration;

	RegistrationController(Registration registration) {
		this.registration = registration;
	}

	@PostMapping("/api/auth/register")
	@Operation(summary = "Register with email, username and password; answers the account and a token pair",
			description = "Usernames: 2 to 32 characters of A-Z, a-z, 0-9, _ and ., no leading, trailing or double dot, "
					+ "unique ignoring case. Passwords: 8 to 128 characters, not a common password. "
					+ "A verification email is sent to the address.")
	ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegisterRequest request,
			HttpServletRequest http) {
		Registered registered = this.registration.register(request.email(), request.username(), request.password(),
				Clients.of(http));
		return ResponseEntity.created(URI.create("/api/auth/me")).body(RegistrationResponse.of(registered));
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull @Pattern(regexp = Username.PATTERN,
			message = "must be 2 to 32 characters of A-Z, a-z, 0-9, _ and ., no leading, trailing or double dot") String username,
			@NotNull @Size(max = 1024) String password) {
	}

	record RegistrationResponse(AccountView account, String accessToken, String refreshToken, String tokenType,
			long expiresIn) {

		static RegistrationResponse of(Registered registered) {
			return new RegistrationResponse(registered.account(), registered.tokens().accessToken(),
					registered.tokens().refreshToken(), registered.tokens().tokenType(),
					registered.tokens().expiresIn());
		}

	}

}
