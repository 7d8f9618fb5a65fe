package dev.flux.auth.social;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import dev.flux.auth.audit.AuditLog;
import dev.flux.auth.social.SocialLogin.Outcome;
import dev.flux.auth.web.Clients;

/**
 * Ends every provider flow with a redirect to the front-end: {@code ?code=...&flow=login}
 * (or {@code flow=link}) after a success, {@code ?error=...} otherwise. Tokens never
 * travel in a URL; the code is exchanged for them by the front-end. The redirect is not
 * cached and sends no referrer.
 *
 * <p>
 * Error codes: {@code access_denied} (the user declined), {@code invalid_state} (no
 * matching flow in this browser: a forged, replayed or expired callback),
 * {@code invalid_nonce}, {@code invalid_id_token}, {@code provider_unavailable} (timed
 * out or circuit open), {@code provider_error}, {@code unknown_provider},
 * {@code invalid_link_ticket}, {@code email_in_use}, {@code email_required},
 * {@code email_invalid}, {@code identity_in_use}, {@code server_error}.
 */
final class SocialLoginRedirects implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger logger = LoggerFactory.getLogger(SocialLoginRedirects.class);

	private final SocialLogin socialLogin;

	private final URI frontEnd;

	private final AuditLog audit;

	SocialLoginRedirects(SocialLogin socialLogin, URI frontEnd, AuditLog audit) {
		this.socialLogin = socialLogin;
		this.frontEnd = frontEnd;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		String provider = token.getAuthorizedClientRegistrationId();
		Outcome outcome;
		try {
			outcome = this.socialLogin.complete(ProviderIdentity.of(provider, token.getPrincipal()), linkTo(request));
		}
		catch (RuntimeException ex) {
			logger.error("Could not settle a {} sign-in", provider, ex);
			outcome = Outcome.failed("server_error");
		}
		if (outcome.error() != null) {
			this.audit.socialLoginFailed(provider, outcome.error(), Clients.of(request).ip());
			redirect(response, "error", outcome.error(), outcome.flow());
			return;
		}
		redirect(response, "code", String.valueOf(outcome.code()), outcome.flow());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String error = errorCode(exception);
		this.audit.socialLoginFailed(provider(request), error, Clients.of(request).ip());
		if ("provider_error".equals(error) || "server_error".equals(error)) {
			logger.warn("Provider flow failed: {}", exception.getMessage(), exception);
		}
		else {
			logger.debug("Provider flow failed: {}", error, exception);
		}
		redirect(response, "error", error,
				(request.getParameter(LinkingAuthorizationRequests.LINK_TICKET) != null) || linkTo(request) != null
						? "link" : "login");
	}

	private void redirect(HttpServletResponse response, String name, String value, String flow) throws IOException {
		String location = UriComponentsBuilder.fromUri(this.frontEnd)
			.queryParam(name, value)
			.queryParam("flow", flow)
			.build()
			.encode()
			.toUriString();
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.sendRedirect(location);
	}

	static String errorCode(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProviderCallGuard.ProviderUnavailableException
					|| cause instanceof CallNotPermittedException) {
				return "provider_unavailable";
			}
			if (cause instanceof LinkingAuthorizationRequests.UnknownProviderException) {
				return "unknown_provider";
			}
			if (cause instanceof SocialLogin.InvalidLinkTicketException) {
				return "invalid_link_ticket";
			}
		}
		if (exception instanceof OAuth2AuthenticationException oauth) {
			return switch (oauth.getError().getErrorCode()) {
				case "access_denied" -> "access_denied";
				case "authorization_request_not_found", "invalid_state_parameter" -> "invalid_state";
				case "invalid_nonce" -> "invalid_nonce";
				case "invalid_id_token" -> "invalid_id_token";
				default -> "provider_error";
			};
		}
		return "server_error";
	}

	private static @Nullable UUID linkTo(HttpServletRequest request) {
		if (request.getAttribute(AuthorizationRequestCookie.CONSUMED) instanceof OAuth2AuthorizationRequest consumed
				&& consumed.getAttribute(LinkingAuthorizationRequests.LINK_TO) instanceof String accountId) {
			return UUID.fromString(accountId);
		}
		return null;
	}

	private static @Nullable String provider(HttpServletRequest request) {
		if (request.getAttribute(AuthorizationRequestCookie.CONSUMED) instanceof OAuth2AuthorizationRequest consumed) {
			return consumed.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
		}
		String path = request.getRequestURI();
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
