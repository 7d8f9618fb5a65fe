package dev.flux.auth.token.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.token.SigningKeys;

/**
 * Rotation on demand, for operators (the {@code /admin/**} chain requires the ADMIN
 * role).
 */
@RestController
@Tag(name = "admin")
class SigningKeyAdminController {

	private final SigningKeys keys;

	SigningKeyAdminController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/admin/signing-keys/rotate")
	@Operation(summary = "Start signing with a new key now; the previous one stays published until its tokens expire",
			security = @SecurityRequirement(name = "bearer"))
	Map<String, String> rotate() {
		return Map.of("kid", this.keys.rotate());
	}

}
