package dev.flux.chat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.flux.testsupport.ApiFuzzer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the chat-service's OpenAPI document, driven with generated bad
 * inputs ({@link ApiFuzzer}) by a member of a real server: no request may answer 5xx.
 * {@code -Dflux.fuzz.requests} and {@code -Dflux.fuzz.seed} change how many and which.
 */
class ApiFuzzTests extends ChatServiceTest {

	@Test
	void noBadInputAnswers5xx() {
		User owner = newUser();
		newServer(owner);
		String admin = TOKENS.accessToken(UUID.randomUUID(), "USER", "ADMIN");
		ApiFuzzer fuzzer = ApiFuzzer.forService(this.port, (path) -> path.startsWith("/admin") ? admin : owner.token(),
				Long.getLong("flux.fuzz.seed", 19));

		ApiFuzzer.Result result = fuzzer.run(Integer.getInteger("flux.fuzz.requests", 2000));

		assertThat(fuzzer.operations()).hasSizeGreaterThan(40)
			.anyMatch((operation) -> operation.contains("/api/dms"))
			.anyMatch((operation) -> operation.contains("/api/users/me/relationships"))
			.anyMatch((operation) -> operation.contains("/reactions/{emoji}/me"))
			.anyMatch((operation) -> operation.contains("/ack"))
			.anyMatch((operation) -> operation.contains("/pins"));
		assertThat(result.failures()).as(result::report).isEmpty();
	}

}
