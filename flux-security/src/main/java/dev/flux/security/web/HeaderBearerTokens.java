package dev.flux.security.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the access token of a request as Spring Security's
 * {@link DefaultBearerTokenResolver} does, without its regular expression on the common
 * path: a case-insensitive pattern over a token of several hundred characters was about
 * 5% of a history page's CPU in chat-service ({@code ./flux bench chat}). A well-formed
 * {@code Authorization: Bearer <b64token>} (RFC 6750) is taken with a loop over its
 * characters; anything else (no header, a malformed one) goes to the default resolver, so
 * every refusal stays Spring Security's.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

	private static final String PREFIX = "Bearer ";

	private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				&& isB64Token(header, PREFIX.length())) {
			return header.substring(PREFIX.length());
		}
		return this.fallback.resolve(request);
	}

	/**
	 * {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from
	 * {@code from}.
	 */
	static boolean isB64Token(String value, int from) {
		int i = from;
		while (i < value.length() && isTokenChar(value.charAt(i))) {
			i++;
		}
		if (i == from) {
			return false;
		}
		while (i < value.length() && value.charAt(i) == '=') {
			i++;
		}
		return i == value.length();
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
