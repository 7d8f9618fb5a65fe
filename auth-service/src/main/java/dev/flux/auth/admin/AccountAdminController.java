package dev.flux.auth.admin;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.account.Accounts;
import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.session.Sessions;
import dev.flux.auth.throttle.LoginThrottle;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.web.Clients;

/**
 * An operator ends every session of a user (a stolen device, a takeover) or lifts the
 * sign-in lock of an account; the {@code /admin/**} chain requires the ADMIN role.
 */
@RestController
@Tag(name = "admin")
class AccountAdminController {

	private final Accounts accounts;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	AccountAdminController(Accounts accounts, Sessions sessions, LoginThrottle throttle, AuditLog audit) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.audit = audit;
	}

	@DeleteMapping("/admin/users/{id}/sessions")
	@Transactional
	@Operation(summary = "End every session of a user: their refresh tokens stop working at once",
			security = @SecurityRequirement(name = "bearer"))
	Map<String, Integer> endSessions(@PathVariable UUID id, HttpServletRequest request) {
		requireAccount(id);
		int revoked = this.sessions.revokeAll(id, null, "admin");
		this.audit.sessionsRevoked(id, Clients.of(request).ip(), "admin", revoked);
		return Map.of("revoked", revoked);
	}

	@DeleteMapping("/admin/users/{id}/lock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Lift the sign-in throttle and lock of an account, for every client",
			security = @SecurityRequirement(name = "bearer"))
	void unlock(@PathVariable UUID id, HttpServletRequest request) {
		requireAccount(id);
		this.throttle.unlock(id);
		this.audit.unlocked(id, Clients.of(request).ip());
	}

	private void requireAccount(UUID id) {
		if (this.accounts.deleted(id)) {
			throw new UnknownAccount();
		}
	}

}
