package dev.flux.auth.password;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flux's pooled Argon2id encoder writes and reads the same hashes as Spring Security's,
 * so existing hashes keep working, and hashes running at once never mix their blocks.
 */
class Argon2idEncoderTests {

	private final Argon2idEncoder pooled = new Argon2idEncoder(16, 32, 19 * 1024, 2, 2);

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	@Test
	void writesTheOwaspParametersInThePhcFormat() {
		String hash = this.pooled.encode("correct horse battery staple");

		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(this.pooled.encode("correct horse battery staple")).as("a new salt each time").isNotEqualTo(hash);
	}

	@Test
	void readsAndWritesTheSameHashesAsSpringSecurity() {
		String password = "correct horse battery staple ü";

		assertThat(this.pooled.matches(password, this.spring.encode(password))).isTrue();
		assertThat(this.spring.matches(password, this.pooled.encode(password))).isTrue();
		assertThat(this.pooled.matches("correct horse battery staple u", this.spring.encode(password))).isFalse();
	}

	@Test
	void refusesMalformedHashesWithoutThrowing() {
		String valid = this.pooled.encode("secret");

		assertThat(List.of("", "$argon2id$v=19$m=19456,t=2$c2FsdA$aGFzaA", "$argon2x$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA",
				"$argon2id$v=19$m=lots,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaA",
				valid.substring(0, valid.length() - 1) + "%"))
			.allSatisfy((hash) -> assertThat(this.pooled.matches("secret", hash)).isFalse());
	}

	@Test
	void upgradesHashesWeakerThanTheCurrentParameters() {
		Argon2PasswordEncoder weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 3);

		assertThat(this.pooled.upgradeEncoding(weaker.encode("secret"))).isTrue();
		assertThat(this.pooled.upgradeEncoding(this.pooled.encode("secret"))).isFalse();
	}

	@Test
	void hashesRunningAtOnceEachGetTheirOwnCorrectResult() throws Exception {
		List<String> passwords = IntStream.range(0, 6).mapToObj((i) -> "password number " + i).toList();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Future<String>> hashes = passwords.stream()
				.map((password) -> threads.submit(() -> this.pooled.encode(password)))
				.toList();
			for (int i = 0; i < passwords.size(); i++) {
				String hash = hashes.get(i).get();
				assertThat(this.spring.matches(passwords.get(i), hash)).isTrue();
				assertThat(this.spring.matches(passwords.get((i + 1) % passwords.size()), hash)).isFalse();
			}
		}
		finally {
			threads.shutdown();
		}
	}

}
