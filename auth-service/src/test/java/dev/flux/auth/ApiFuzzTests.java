package dev.flux.auth;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.ApiFuzzer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the auth-service's OpenAPI document, driven with generated bad
 * inputs ({@link ApiFuzzer}): no request may answer 5xx. {@code -Dflux.fuzz.requests} and
 * {@code -Dflux.fuzz.seed} change how many and which.
 */
class ApiFuzzTests extends AuthServiceTest {

	@Test
	void noBadInputAnswers5xx() {
		Account member = register();
		Account operator = register();
		this.jdbc.sql("UPDATE users SET roles = 'USER ADMIN' WHERE id = ?").param(operator.id()).update();
		String admin = login(operator.email(), PASSWORD).json("$.accessToken");
		// Rotating keys hundreds of times would only grow the key set the other tests
		// read.
		ApiFuzzer fuzzer = ApiFuzzer.forService(this.port,
				(path) -> (path.startsWith("/admin") && !path.contains("signing-keys")) ? admin : member.accessToken(),
				Long.getLong("flux.fuzz.seed", 16));

		ApiFuzzer.Result result = fuzzer.run(Integer.getInteger("flux.fuzz.requests", 4000));

		assertThat(fuzzer.operations()).hasSizeGreaterThan(25);
		assertThat(result.failures()).as(result::report).isEmpty();
	}

}
