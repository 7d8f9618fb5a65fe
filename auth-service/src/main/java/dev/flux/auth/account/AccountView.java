package dev.flux.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as its owner sees it.
 *
 * @param id the user id, also the {@code sub} of its access tokens
 * @param username the username, case as registered
 * @param email the normalized email address
 * @param emailVerified whether the address is confirmed
 * @param createdAt when the account was registered
 */
public record AccountView(UUID id, String username, String email, boolean emailVerified, Instant createdAt) {

	public static AccountView of(Account account) {
		return new AccountView(account.id(), account.username(), account.email(), account.emailVerified(),
				account.createdAt());
	}

}
