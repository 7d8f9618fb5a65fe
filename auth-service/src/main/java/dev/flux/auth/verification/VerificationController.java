package dev.flux.auth.verification;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.web.Clients;

/** Redeeming and re-sending email verification tokens. */
@RestController
@Tag(name = "verification")
class VerificationController {

	private final EmailVerifications verifications;

	VerificationController(EmailVerifications verifications) {
		this.verifications = verifications;
	}

	@PostMapping("/api/auth/verify-email")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Confirm an email address with the token from the verification email")
	void verify(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		this.verifications.verify(request.token(), Clients.of(http));
	}

	@PostMapping("/api/auth/verify-email/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a new verification email; earlier tokens stop working",
			security = @SecurityRequirement(name = "bearer"))
	void resend(@AuthenticationPrincipal Jwt jwt) {
		this.verifications.resend(UUID.fromString(jwt.getSubject()));
	}

	record TokenRequest(@NotBlank @Size(max = 256) String token) {
	}

}
