package dev.flux.auth.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.flux.auth.ClientInfo;

/**
 * The {@link ClientInfo} of a request: the remote address (the forwarded one when
 * {@code server.forward-headers-strategy} trusts a proxy) and the user agent.
 */
public final class Clients {

	private Clients() {
	}

	public static ClientInfo of(HttpServletRequest request) {
		return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
	}

}
