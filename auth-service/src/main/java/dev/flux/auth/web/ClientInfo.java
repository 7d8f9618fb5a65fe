package dev.flux.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as far as the auth-service can tell: the client address (the remote
 * address, or the forwarded one when {@code server.forward-headers-strategy} trusts a
 * proxy) and the user agent, cut to what the sessions table keeps.
 */
public record ClientInfo(String ip, @Nullable String userAgent) {

	static final int MAX_USER_AGENT = 512;

	public static ClientInfo of(HttpServletRequest request) {
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT);
		}
		return new ClientInfo(request.getRemoteAddr(), userAgent);
	}

}
