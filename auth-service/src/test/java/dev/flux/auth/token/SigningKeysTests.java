package dev.flux.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.AuthServiceTest;
import dev.flux.auth.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/** How an instance learns of the keys other instances create. */
class SigningKeysTests extends AuthServiceTest {

	@Autowired
	SigningKeys otherInstance;

	@Autowired
	SigningKeyRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuthProperties properties;

	@Autowired
	AuditLog audit;

	@Test
	void loadsTheKeysForAnUnknownKeyIdAtMostOnceASecond() throws Exception {
		MovableClock clock = new MovableClock(Instant.now());
		SigningKeys instance = new SigningKeys(this.repository, new KeyCipher(this.properties.keys().encryptionKey()),
				this.transactions, this.jdbc, this.properties, this.audit, clock);
		instance.publishedKeys();

		String created = this.otherInstance.rotate();
		clock.advance(Duration.ofMillis(500));
		assertThat(keysWithId(instance, created)).as("half a second after its last load").isEmpty();

		clock.advance(Duration.ofMillis(600));
		assertThat(keysWithId(instance, created)).as("over a second after").hasSize(1);
	}

	private static List<JWK> keysWithId(SigningKeys keys, String kid) throws Exception {
		return keys.verificationKeys().get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
	}

	/** A clock the test moves forward. */
	private static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
