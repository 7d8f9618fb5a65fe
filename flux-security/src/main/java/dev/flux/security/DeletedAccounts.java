package dev.flux.security;

/**
 * The accounts a service knows were deleted (it has handled their {@code user.deleted}):
 * a service that defines this bean refuses their access tokens, still valid as they are,
 * with 401 from then on.
 */
@FunctionalInterface
public interface DeletedAccounts {

	/**
	 * Whether the account a token's {@code sub} names was deleted.
	 * @param subject the token's subject, a user id
	 */
	boolean isDeleted(String subject);

}
