package dev.flux.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final JwtDecoder verifying = (token) -> {
		this.signatureChecks.incrementAndGet();
		return Jwt.withTokenValue(token)
			.header("alg", "ES256")
			.subject("user")
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(5)))
			.build();
	};

	@Test
	void checksATokensSignatureOnceWhileItIsRemembered() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifying, timestampsAt(NOW), Duration.ofMinutes(1), 100);

		Jwt first = tokens.decode("token-a");
		Jwt again = tokens.decode("token-a");
		tokens.decode("token-b");

		assertThat(again).isSameAs(first);
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void refusesARememberedTokenOnceItHasExpired() {
		new VerifiedTokens(this.verifying, timestampsAt(NOW), Duration.ofMinutes(1), 100).decode("token-a");
		VerifiedTokens later = new VerifiedTokens(this.verifying, timestampsAt(NOW.plus(Duration.ofMinutes(6))),
				Duration.ofMinutes(1), 100);
		later.decode("token-a");

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> later.decode("token-a"));
	}

	private static JwtTimestampValidator timestampsAt(Instant now) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setAllowEmptyExpiryClaim(false);
		timestamps.setClock(Clock.fixed(now, ZoneOffset.UTC));
		return timestamps;
	}

}
