package dev.flux.security;

import java.util.UUID;

/**
 * The accounts a service knows were deleted (it has handled their {@code user.deleted}):
 * a service that defines this bean refuses their access tokens, still valid as they are,
 * with 401 from then on. A token whose subject is no user id (a service's token) names no
 * account, so it is never asked about: whether such a token may do anything is up to the
 * endpoint (Flux's answer 403 {@code not-a-user}).
 */
@FunctionalInterface
public interface DeletedAccounts {

	/**
	 * Whether the account was deleted.
	 * @param userId the token's subject, a user id
	 */
	boolean isDeleted(UUID userId);

}
