package dev.flux.notification.gateway;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Carries the caller of a handshake that had a bearer token into the socket. The token
 * itself is checked by the resource server's filter before the handshake (an invalid one
 * is refused with 401); a handshake without one opens a socket that must identify.
 */
final class HandshakeAuthentication implements HandshakeInterceptor {

	static final String CALLER = HandshakeAuthentication.class.getName() + ".caller";

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request.getPrincipal() instanceof JwtAuthenticationToken authentication) {
			attributes.put(CALLER, AccessTokenCheck.Caller.of(authentication.getToken()));
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
