package dev.flux.auth.account;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a password sign-in needs of an account: who it is, the hash to check and the roles
 * its tokens carry.
 *
 * @param id the account (user) id
 * @param passwordHash the stored hash, null for an account that signs in only socially
 * @param roles the roles of its access tokens
 */
public record Credentials(UUID id, @Nullable String passwordHash, List<String> roles) {

	/** Leaves the hash out, so that a log line never carries it. */
	@Override
	public String toString() {
		return "Credentials[id=" + this.id + ", roles=" + this.roles + "]";
	}

}
