package dev.flux.notification.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses (403) a handshake whose {@code Origin} is not an origin at all
 * ({@code http://localhost:3000x}): Spring's allowed-origins check parses the header and
 * fails with an exception (a 500) on what it cannot parse. Runs before that check.
 */
final class OriginSyntax implements HandshakeInterceptor {

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
		if (origin == null || isOrigin(origin)) {
			return true;
		}
		response.setStatusCode(HttpStatus.FORBIDDEN);
		return false;
	}

	/**
	 * {@code scheme://host[:port]}, nothing else (RFC 6454), or the opaque {@code null}.
	 */
	static boolean isOrigin(String origin) {
		if ("null".equals(origin)) {
			return true;
		}
		try {
			URI uri = new URI(origin);
			return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null && uri.getPort() <= 65535;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
