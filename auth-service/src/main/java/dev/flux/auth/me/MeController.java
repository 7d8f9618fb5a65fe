package dev.flux.auth.me;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.account.AccountView;
import dev.flux.auth.account.Username;
import dev.flux.auth.web.Clients;

/** {@code /api/auth/me}: the signed-in user's account. */
@RestController
@Tag(name = "account")
class MeController {

	private final OwnAccount ownAccount;

	MeController(OwnAccount ownAccount) {
		this.ownAccount = ownAccount;
	}

	@GetMapping("/api/auth/me")
	@Operation(summary = "The signed-in user's account", security = @SecurityRequirement(name = "bearer"))
	AccountView get(@AuthenticationPrincipal Jwt jwt) {
		return this.ownAccount.get(userId(jwt));
	}

	@PatchMapping("/api/auth/me")
	@Operation(summary = "Change username and/or email; a new email needs currentPassword and is verified again",
			security = @SecurityRequirement(name = "bearer"))
	AccountView update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody UpdateRequest request) {
		return this.ownAccount.update(userId(jwt), request.username(), request.email(), request.currentPassword());
	}

	@DeleteMapping("/api/auth/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the account (password required); every service removes its data",
			security = @SecurityRequirement(name = "bearer"))
	void delete(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody DeleteRequest request, HttpServletRequest http) {
		this.ownAccount.delete(userId(jwt), request.password(), Clients.of(http));
	}

	private static UUID userId(Jwt jwt) {
		return UUID.fromString(jwt.getSubject());
	}

	record UpdateRequest(@Nullable @Pattern(regexp = Username.PATTERN,
			message = "must be 2 to 32 characters of A-Z, a-z, 0-9, _ and ., no leading, trailing or double dot") String username,
			@Nullable @Email @Size(max = 254) String email, @Nullable @Size(max = 1024) String currentPassword) {
	}

	record DeleteRequest(@NotNull @Size(max = 1024) String password) {
	}

}
