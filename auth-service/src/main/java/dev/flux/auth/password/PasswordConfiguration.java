package dev.flux.auth.password;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import dev.flux.auth.AuthProperties;

/**
 * The password encoder: Argon2id with the OWASP parameters (19 MiB, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash) for new hashes; bcrypt and PBKDF2 hashes
 * still verify and are re-encoded at the next sign-in. Hashing is bounded by
 * {@code flux.auth.hashing}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	static final String ARGON2 = "argon2";

	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, argon2id(), "bcrypt", new BCryptPasswordEncoder(),
				"pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder(ARGON2, encoders);
	}

	@Bean
	HashingBulkhead hashingBulkhead(AuthProperties properties) {
		return new HashingBulkhead(properties.hashing().slots(), properties.hashing().queue());
	}

	static Argon2PasswordEncoder argon2id() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

}
