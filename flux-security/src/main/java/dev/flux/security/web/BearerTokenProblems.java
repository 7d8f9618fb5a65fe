package dev.flux.security.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import dev.flux.web.ApiProblem;
import dev.flux.web.ProblemResponses;

/**
 * Answers every refused request of a resource server with RFC 9457 problem details
 * ({@code application/problem+json}) and the RFC 6750 {@code WWW-Authenticate} header:
 * 401 without a token ({@code Bearer}) or with one that is not valid
 * ({@code Bearer error="invalid_token"}), 403 when the token lacks the role
 * ({@code Bearer error="insufficient_scope"}), 503 while the issuer's keys cannot be
 * read. The body is flux-web's problem shape (types {@code unauthorized},
 * {@code forbidden}, {@code service-unavailable}); the details are fixed sentences: they
 * never repeat the token, nor why it was refused.
 */
public final class BearerTokenProblems
		implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

	/** Seconds a client waits before trying again when the keys are unavailable. */
	static final int RETRY_AFTER_SECONDS = 30;

	private static final Log logger = LogFactory.getLog(BearerTokenProblems.class);

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof OAuth2AuthenticationException) {
			logger.debug("Refused a bearer token: " + exception.getMessage());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			write(request, response, HttpStatus.UNAUTHORIZED, "The access token is not valid or has expired.");
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			write(request, response, HttpStatus.UNAUTHORIZED, "This request needs a bearer access token.");
		}
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(request, response, HttpStatus.FORBIDDEN, "The access token does not grant access to this resource.");
	}

	/**
	 * A token that could not be checked because the issuer's keys could not be read is
	 * not the client's fault: 503, so the client keeps its token and tries again.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AuthenticationServiceException) {
			logger.warn("Could not check a bearer token: " + exception.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"Access tokens cannot be checked right now. Try again shortly.");
			return;
		}
		commence(request, response, exception);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		String type = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
		// Headers are set by the callers first: writing the body commits the response.
		ProblemResponses.write(request, response, ApiProblem.of(status, type, status.getReasonPhrase(), detail));
	}

}
