package dev.flux.auth;

import java.util.Map;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flux.testsupport.Http;

/** The audit log of security events, and the OpenAPI document with its UI. */
class AuditAndDocsTests extends AuthServiceTest {

	@Test
	void auditsSignInsAndTokenReuseAsStructuredEventsWithoutSecrets() {
		ListAppender<ILoggingEvent> audit = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger("flux.audit");
		audit.start();
		logger.addAppender(audit);
		try {
			Account account = register();
			String wrongPassword = "a-wrong-password-" + System.nanoTime();

			login(account.email(), wrongPassword);
			login(account.email(), PASSWORD);
			this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));
			this.http.post("/api/auth/refresh", Map.of("refreshToken", account.refreshToken()));

			List<Map<String, String>> events = audit.list.stream()
				.map(AuditAndDocsTests::fields)
				.filter((fields) -> account.id().toString().equals(fields.get("audit.userId")))
				.toList();
			assertThat(events).extracting((fields) -> fields.get("audit.event"))
				.containsExactly("registered", "login_failed", "login_succeeded", "token_reuse_detected");
			assertThat(events.get(1)).containsEntry("audit.reason", "wrong_password")
				.containsEntry("audit.client", "127.0.0.1");
			String everything = audit.list.stream()
				.map((event) -> event.getFormattedMessage() + fields(event))
				.reduce("", String::concat);
			assertThat(everything).doesNotContain(wrongPassword)
				.doesNotContain(PASSWORD)
				.doesNotContain(account.refreshToken())
				.doesNotContain(account.accessToken())
				.doesNotContain(account.email());
		}
		finally {
			logger.detachAppender(audit);
		}
	}

	private static Map<String, String> fields(ILoggingEvent event) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		if (event.getKeyValuePairs() != null) {
			event.getKeyValuePairs().forEach((pair) -> fields.put(pair.key, String.valueOf(pair.value)));
		}
		return fields;
	}

	@Test
	void publishesAnOpenApiDocumentAndItsUi() {
		Http.Reply document = this.http.get("/v3/api-docs", null);

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.<Map<String, Object>>json("$.paths").keySet()).contains("/api/auth/register",
				"/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/auth/logout-all",
				"/api/auth/sessions", "/api/auth/sessions/{id}", "/api/auth/verify-email",
				"/api/auth/verify-email/resend", "/api/auth/password/forgot", "/api/auth/password/reset",
				"/api/auth/password/change", "/api/auth/me", "/api/auth/providers", "/api/auth/oauth2/token",
				"/api/auth/me/identities", "/api/auth/me/identities/link-tickets", "/api/auth/me/identities/{provider}",
				"/.well-known/jwks.json");
		assertThat(this.http.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

}
