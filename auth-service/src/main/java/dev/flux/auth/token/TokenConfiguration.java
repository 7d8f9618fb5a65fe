package dev.flux.auth.token;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.audit.AuditLog;

/** Wires the signing keys, the token issuer and the scheduled key rotation. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TokenConfiguration.class);

	@Bean
	SigningKeys signingKeys(SigningKeyRepository repository, TransactionTemplate transactions, JdbcClient jdbc,
			AuthProperties properties, AuditLog audit, Clock clock) {
		if (DevelopmentKey.VALUE.equals(properties.keys().encryptionKey())) {
			logger.warn("Signing keys are encrypted with the development key-encryption key: set "
					+ "FLUX_AUTH_KEY_ENCRYPTION_KEY (base64 of 32 random bytes) for anything but local use");
		}
		return new SigningKeys(repository, new KeyCipher(properties.keys().encryptionKey()), transactions, jdbc,
				properties, audit, clock);
	}

	@Bean
	AccessTokens accessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
		return new AccessTokens(keys, properties, clock);
	}

	@Bean
	KeyRotation keyRotation(SigningKeys keys) {
		return new KeyRotation(keys);
	}

	/**
	 * Rotates the signing key when it is due, checked at start-up and then on a schedule.
	 */
	static class KeyRotation {

		private final SigningKeys keys;

		KeyRotation(SigningKeys keys) {
			this.keys = keys;
		}

		@EventListener(ApplicationReadyEvent.class)
		void ensureKey() {
			this.keys.rotateIfDue();
		}

		@Scheduled(fixedDelayString = "${flux.auth.keys.rotation-check:1h}",
				initialDelayString = "${flux.auth.keys.rotation-check:1h}")
		void rotateIfDue() {
			try {
				this.keys.rotateIfDue();
			}
			catch (RuntimeException ex) {
				logger.warn("Signing key rotation check failed; next try in one period", ex);
			}
		}

	}

	/** The key-encryption key application.yml falls back to for local runs. */
	static final class DevelopmentKey {

		static final String VALUE = "Zmx1eC1kZXZlbG9wbWVudC1rZXktbm90LXNlY3JldCE=";

		private DevelopmentKey() {
		}

	}

}
