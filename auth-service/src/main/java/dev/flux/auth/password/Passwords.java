package dev.flux.auth.password;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with the delegating encoder (Argon2id for new hashes).
 * Checking against no account still spends one hash, so the answer takes as long whether
 * or not the account exists.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder;

	private final String dummyHash;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.dummyHash = encoder.encode("flux-dummy-password-for-timing");
	}

	public String hash(String password) {
		return encoder.encode(password);
	}

	/**
	 * Whether the password matches the hash; a missing hash costs the same and never
	 * matches.
	 */
	public boolean matches(String password, @Nullable String hash) {
		if (hash == null) {
			this.encoder.matches(password, this.dummyHash);
			return false;
		}
		return this.encoder.matches(password, hash);
	}

	/** Whether a hash should be re-encoded with the current encoder and parameters. */
	public boolean needsUpgrade(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
