package dev.flux.auth.registration;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import dev.flux.auth.session.TokenResponse;
import dev.flux.auth.web.ValidEmail;
import dev.flux.events.contract.EmailAddresses;
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
	@Operation(summary = "Register with email, username and password",
			description = "Usernames: 2 to 32 characters of A-Z, a-z, 0-9, _ and ., no leading, trailing or double dot, "
					+ "unique ignoring case. Passwords: 8 to 128 characters, not a common password. "
					+ "A verification email is sent to the address. By default the answer is 201 with the account and "
					+ "a token pair, or 409 when the address has an account; with flux.auth.enumeration.mode=mitigate it "
					+ "is 202 either way, and sign-in starts from the mailed link. Each address may be tried a few "
					+ "times an hour (429).")
	@ApiResponse(responseCode = "201", description = "Registered",
			content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
	@ApiResponse(responseCode = "202", description = "Enumeration-safe mode: check the inbox of the address",
			content = @Content(schema = @Schema(implementation = RegistrationAccepted.class)))
	ResponseEntity<?> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
		Registered registered = this.registration.register(request.email(), request.username(), request.password(),
				Clients.of(http));
		if (registered.account() == null || registered.tokens() == null) {
			return ResponseEntity.accepted().body(RegistrationAccepted.INSTANCE);
		}
		return ResponseEntity.created(URI.create("/api/auth/me"))
			.body(RegistrationResponse.of(registered.account(), registered.tokens()));
	}

	record RegisterRequest(
			@NotBlank @ValidEmail @Schema(format = "email") @Size(max = EmailAddresses.MAX_LENGTH) String email,
			@NotNull @Pattern(regexp = Username.PATTERN,
					message = "must be 2 to 32 characters of A-Z, a-z, 0-9, _ and ., no leading, trailing or double dot") String username,
			@NotNull @Size(max = 1024) String password) {
	}

	record RegistrationResponse(AccountView account, String accessToken, String refreshToken, String tokenType,
			long expiresIn) {

		static RegistrationResponse of(AccountView account, TokenResponse tokens) {
			return new RegistrationResponse(account, tokens.accessToken(), tokens.refreshToken(), tokens.tokenType(),
					tokens.expiresIn());
		}

	}

	/**
	 * The answer of every registration in enumeration-safe mode, whether the address was
	 * free or taken.
	 */
	record RegistrationAccepted(String status, String detail) {

		static final RegistrationAccepted INSTANCE = new RegistrationAccepted("pending",
				"Check your inbox: the email we sent tells you how to go on.");

	}

}
