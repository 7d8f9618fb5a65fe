package dev.flux.events.tracing;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens an {@link EventContext} for each HTTP request: the caller's
 * {@code X-Correlation-Id} (a new one when absent or not a UUID) and W3C
 * {@code traceparent} (when well formed). Events the request appends carry them, and the
 * response names the correlation id.
 */
public final class CorrelationFilter extends OncePerRequestFilter {

	/** The request and response header carrying the correlation id. */
	public static final String CORRELATION_HEADER = "X-Correlation-Id";

	/** The W3C trace context header. */
	public static final String TRACEPARENT_HEADER = "traceparent";

	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		UUID correlationId = correlationId(request.getHeader(CORRELATION_HEADER));
		response.setHeader(CORRELATION_HEADER, correlationId.toString());
		try (EventContext.Scope scope = new EventContext(correlationId, null,
				traceparent(request.getHeader(TRACEPARENT_HEADER)))
			.open()) {
			chain.doFilter(request, response);
		}
	}

	private static UUID correlationId(@Nullable String header) {
		if (header != null) {
			try {
				return UUID.fromString(header.trim());
			}
			catch (IllegalArgumentException ex) {
				// Not ours to trust: start a new correlation.
			}
		}
		return UUID.randomUUID();
	}

	private static @Nullable String traceparent(@Nullable String header) {
		return (header != null && TRACEPARENT.matcher(header.trim()).matches() && !header.startsWith("ff"))
				? header.trim() : null;
	}

}
