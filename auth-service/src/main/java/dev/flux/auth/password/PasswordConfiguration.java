package dev.flux.auth.password;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import dev.flux.auth.AuthProperties;

/**
 * The password encoder: Argon2id with the OWASP parameters (19 MiB, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash) for new hashes; bcrypt and PBKDF2 hashes
 * still verify and are re-encoded at the next sign-in. Hashes run on the threads of
 * {@link HashingBulkhead}, set by {@code flux.auth.hashing}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	static final String ARGON2 = "argon2";

	@Bean
	PasswordEncoder passwordEncoder(AuthProperties properties) {
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, argon2id(properties.hashing().slots()), "bcrypt",
				new BCryptPasswordEncoder(), "pbkdf2@SpringSecurity_v5_8",
				Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder(ARGON2, encoders);
	}

	@Bean
	HashingBulkhead hashingBulkhead(AuthProperties properties) {
		return new HashingBulkhead(properties.hashing().slots(), properties.hashing().queue());
	}

	/**
	 * Argon2id with the OWASP parameters, keeping memory blocks for
	 * {@code concurrentHashes}.
	 */
	static PasswordEncoder argon2id(int concurrentHashes) {
		return new Argon2idEncoder(16, 32, 19 * 1024, 2, concurrentHashes);
	}

}
