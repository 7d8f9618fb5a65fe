package dev.flux.auth.password;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.web.Clients;

/** Forgot, reset and change password. */
@RestController
@Tag(name = "password")
class PasswordController {

	private final PasswordRecovery recovery;

	PasswordController(PasswordRecovery recovery) {
		this.recovery = recovery;
	}

	@PostMapping("/api/auth/password/forgot")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mail a reset token if the address has an account; always 202")
	void forgot(@Valid @RequestBody ForgotRequest request, HttpServletRequest http) {
		this.recovery.forgot(request.email(), Clients.of(http));
	}

	@PostMapping("/api/auth/password/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with a reset token; every session is revoked")
	void reset(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
		this.recovery.reset(request.token(), request.newPassword(), Clients.of(http));
	}

	@PostMapping("/api/auth/password/change")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the password; every other session is revoked",
			security = @SecurityRequirement(name = "bearer"))
	void change(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChangeRequest request, HttpServletRequest http) {
		String sid = jwt.getClaimAsString("sid");
		this.recovery.change(UUID.fromString(jwt.getSubject()), (sid != null) ? UUID.fromString(sid) : null,
				request.currentPassword(), request.newPassword(), Clients.of(http));
	}

	record ForgotRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record ResetRequest(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 1024) String newPassword) {
	}

	record ChangeRequest(@NotNull @Size(max = 1024) String currentPassword,
			@NotNull @Size(max = 1024) String newPassword) {
	}

}
