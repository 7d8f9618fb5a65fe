package dev.flux.auth.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.web.Clients;

/**
 * Operators grant and revoke the ADMIN role without SQL; each change is audited
 * ({@code role_changes}, the audit log). The {@code /admin/**} chain requires the ADMIN
 * role.
 */
@RestController
@Tag(name = "admin")
class AdminRoleController {

	private final AdminRoles roles;

	AdminRoleController(AdminRoles roles) {
		this.roles = roles;
	}

	@GetMapping("/admin/admins")
	@Operation(summary = "The accounts with the ADMIN role", security = @SecurityRequirement(name = "bearer"))
	List<AdminRoles.Admin> admins() {
		return this.roles.admins();
	}

	@PutMapping("/admin/users/{id}/roles/admin")
	@Operation(summary = "Give an account the ADMIN role, from its next sign-in or refresh",
			security = @SecurityRequirement(name = "bearer"))
	Map<String, Object> grant(@PathVariable UUID id, @AuthenticationPrincipal Jwt operator,
			HttpServletRequest request) {
		boolean changed = this.roles.grant(id, operatorId(operator), Clients.of(request).ip());
		return Map.of("id", id, "admin", true, "changed", changed);
	}

	@DeleteMapping("/admin/users/{id}/roles/admin")
	@Operation(summary = "Take the ADMIN role from an account and end its sessions; 409 for the last admin",
			security = @SecurityRequirement(name = "bearer"))
	Map<String, Object> revoke(@PathVariable UUID id, @AuthenticationPrincipal Jwt operator,
			HttpServletRequest request) {
		boolean changed = this.roles.revoke(id, operatorId(operator), Clients.of(request).ip());
		return Map.of("id", id, "admin", false, "changed", changed);
	}

	private static UUID operatorId(Jwt operator) {
		try {
			return UUID.fromString(operator.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// a service token with the ADMIN role: recorded as the nil id
			return new UUID(0, 0);
		}
	}

}
