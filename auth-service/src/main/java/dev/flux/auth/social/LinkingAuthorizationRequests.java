package dev.flux.auth.social;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Resolves {@code GET /oauth2/authorization/{provider}} as Spring Security does (state,
 * PKCE, nonce), and with {@code ?link_ticket=} uses the ticket and records the account it
 * is bound to in the request's attributes, sealed in the flow cookie with the rest.
 */
final class LinkingAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

	static final String LINK_TICKET = "link_ticket";

	static final String LINK_TO = "flux_link_to";

	private final DefaultOAuth2AuthorizationRequestResolver delegate;

	private final SocialLogin socialLogin;

	LinkingAuthorizationRequests(SocialProviders providers, SocialLogin socialLogin) {
		this.delegate = new DefaultOAuth2AuthorizationRequestResolver(providers, "/oauth2/authorization");
		this.socialLogin = socialLogin;
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
		try {
			return linking(request, this.delegate.resolve(request));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownProviderException(ex);
		}
	}

	@Override
	public @Nullable OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
		try {
			return linking(request, this.delegate.resolve(request, clientRegistrationId));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownProviderException(ex);
		}
	}

	private @Nullable OAuth2AuthorizationRequest linking(HttpServletRequest request,
			@Nullable OAuth2AuthorizationRequest resolved) {
		String ticket = request.getParameter(LINK_TICKET);
		if (resolved == null || ticket == null) {
			return resolved;
		}
		String provider = resolved.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
		String accountId = this.socialLogin.useLinkTicket(ticket, String.valueOf(provider)).toString();
		return OAuth2AuthorizationRequest.from(resolved)
			.attributes((attributes) -> attributes.put(LINK_TO, accountId))
			.build();
	}

	/** A flow started for a provider this server does not offer. */
	static final class UnknownProviderException extends RuntimeException {

		UnknownProviderException(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
