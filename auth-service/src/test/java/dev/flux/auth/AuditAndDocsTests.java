package dev.flux.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log of security events (in the structured JSON format production uses), and
 * the OpenAPI document with its UI.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class AuditAndDocsTests extends AuthServiceTest {

	@Test
	void auditsSignInsAndTokenReuseWithoutSecrets(CapturedOutput output) {
		Account account = register();
		String wrongPassword = "a-wrong-password-" + System.nanoTime();

		login(account.email(), wrongPassword);
		login(account.email(), PASSWORD);
		this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));
		this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));

		String audit = output.getAll()
			.lines()
			.filter((line) -> line.contains("flux.audit") && line.contains(account.id().toString()))
			.reduce("", (all, line) -> all + line + "\n");
		assertThat(audit).contains("login_failed", "wrong_password", "login_succeeded", "token_reuse_detected",
				"registered");
		assertThat(output.getAll()).doesNotContain(wrongPassword)
			.doesNotContain(PASSWORD)
			.doesNotContain(account.refreshToken())
			.doesNotContain(account.accessToken());
	}

	@Test
	void publishesAnOpenApiDocumentAndItsUi() {
		Http.Reply document = this.http.get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.<Map<String, Object>>json("$.paths").keySet()).contains("/api/auth/register",
				"/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/logout-all",
				"/api/auth/sessions", "/api/auth/sessions/{id}", "/api/auth/verify-email",
				"/api/auth/verify-email/resend", "/api/auth/password/forgot", "/api/auth/password/reset",
				"/api/auth/password/change", "/api/auth/me", "/.well-known/jwks.json");
		assertThat(this.http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

}
