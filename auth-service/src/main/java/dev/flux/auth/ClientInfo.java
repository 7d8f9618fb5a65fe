package dev.flux.auth;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as far as the auth-service can tell: the client address and the user
 * agent, cut to what the sessions table keeps. The web layer reads it from the request
 * ({@code web.Clients}); features record it in sessions and the audit log.
 */
public record ClientInfo(String ip, @Nullable String userAgent) {

	/** The longest user agent kept. */
	public static final int MAX_USER_AGENT = 512;

	public ClientInfo {
		if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
			userAgent = userAgent.substring(0, MAX_USER_AGENT);
		}
	}

}
