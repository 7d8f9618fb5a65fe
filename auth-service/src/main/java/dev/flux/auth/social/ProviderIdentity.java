package dev.flux.auth.social;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who a provider says signed in.
 *
 * @param provider the registration id ({@code google}, {@code facebook})
 * @param subject the provider's stable id of the user ({@code sub}, Facebook's
 * {@code id})
 * @param email the address the provider reports, if any
 * @param emailVerified whether the provider vouches that the user owns it
 * @param name a display name, used to derive a username
 */
record ProviderIdentity(String provider, String subject, @Nullable String email, boolean emailVerified,
		@Nullable String name) {

	/**
	 * Reads an OpenID Connect user from its ID token ({@code email_verified} decides),
	 * and a plain OAuth2 user (Facebook) from its user-info attributes. Facebook has no
	 * {@code email_verified}: its addresses are never taken as verified (see
	 * docs/security.md).
	 */
	static ProviderIdentity of(String provider, OAuth2User user) {
		if (user instanceof OidcUser oidc) {
			return new ProviderIdentity(provider, oidc.getSubject(), address(oidc.getEmail()),
					Boolean.TRUE.equals(oidc.getEmailVerified()), oidc.getFullName());
		}
		return new ProviderIdentity(provider, user.getName(), address(user.getAttribute("email")), false,
				user.getAttribute("name"));
	}

	private static @Nullable String address(@Nullable Object value) {
		if (!(value instanceof String email)) {
			return null;
		}
		String trimmed = email.trim();
		return (trimmed.length() <= 254 && trimmed.indexOf('@') > 0) ? trimmed : null;
	}

}
