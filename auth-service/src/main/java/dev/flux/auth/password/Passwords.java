package dev.flux.auth.password;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with the delegating encoder (Argon2id for new hashes), a
 * bounded number at a time. Checking against no account still spends one hash, so the
 * answer takes as long whether or not the account exists.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder;

	private final HashingBulkhead bulkhead;

	private final String dummyHash;

	Passwords(PasswordEncoder encoder, HashingBulkhead bulkhead) {
		this.encoder = encoder;
		this.bulkhead = bulkhead;
		this.dummyHash = encoder.encode("flux-dummy-password-for-timing");
	}

	/**
	 * The hash of a password with the current encoder.
	 * @throws HashingBusy when too many passwords wait to be hashed
	 */
	public String hash(String password) {
		return this.bulkhead.run(() -> this.encoder.encode(password));
	}

	/**
	 * Whether the password matches the hash; a missing hash costs the same and never
	 * matches.
	 * @throws HashingBusy when too many passwords wait to be checked
	 */
	public boolean matches(String password, @Nullable String hash) {
		if (hash == null) {
			this.bulkhead.run(() -> this.encoder.matches(password, this.dummyHash));
			return false;
		}
		return this.bulkhead.run(() -> this.encoder.matches(password, hash));
	}

	/** Whether a hash should be re-encoded with the current encoder and parameters. */
	public boolean needsUpgrade(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
