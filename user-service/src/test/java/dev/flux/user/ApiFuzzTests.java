package dev.flux.user;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.ApiFuzzer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the user-service's OpenAPI document, driven with generated bad
 * inputs ({@link ApiFuzzer}): no request may answer 5xx. {@code -Dflux.fuzz.requests} and
 * {@code -Dflux.fuzz.seed} change how many and which.
 */
class ApiFuzzTests extends UserServiceTest {

	@Test
	void noBadInputAnswers5xx() {
		User member = newUser();
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");
		ApiFuzzer fuzzer = ApiFuzzer.forService(this.port, (path) -> path.startsWith("/admin") ? admin : member.token(),
				Long.getLong("flux.fuzz.seed", 16));

		ApiFuzzer.Result result = fuzzer.run(Integer.getInteger("flux.fuzz.requests", 3000));

		assertThat(fuzzer.operations()).hasSizeGreaterThan(15);
		assertThat(result.failures()).as(result::report).isEmpty();
	}

}
