package dev.flux.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Forwards the page's calls to one service, as they are:
 * {@code /services/user/admin/outbox} is user-service's {@code /admin/outbox}, with the
 * operator's own {@code Authorization} header. Only the admin APIs and auth-service's
 * sign-in pass, so the console is no open proxy and holds no credential of its own: every
 * decision is the service's. Responses stream through, server-sent events included.
 */
@RestController
class AdminPassThrough {

	private static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of("authorization", "content-type", "accept");

	private static final Set<String> FORWARDED_RESPONSE_HEADERS = Set.of("content-type", "cache-control",
			"retry-after");

	private final ConsoleProperties properties;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	AdminPassThrough(ConsoleProperties properties) {
		this.properties = properties;
	}

	@RequestMapping("/services/{service}/**")
	ResponseEntity<StreamingResponseBody> forward(@PathVariable String service, HttpServletRequest request,
			HttpServletResponse servletResponse) throws IOException, InterruptedException {
		URI base = this.properties.services().get(service);
		String path = request.getRequestURI().substring(("/services/" + service).length());
		if (base == null) {
			throw problem(HttpStatus.NOT_FOUND,
					"No service '" + service + "'; the console knows " + this.properties.services().keySet());
		}
		if (!allowed(service, request.getMethod(), path)) {
			throw problem(HttpStatus.FORBIDDEN,
					"The console passes only /admin/** and auth-service's sign-in, not " + path);
		}
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		HttpRequest.Builder forwarded = HttpRequest
			.newBuilder(URI.create(base.toString().replaceFirst("/$", "") + path + query))
			.method(request.getMethod(), bodyOf(request));
		boolean stream = "text/event-stream".equals(request.getHeader(HttpHeaders.ACCEPT));
		if (!stream) {
			forwarded.timeout(this.properties.timeout());
		}
		for (String name : FORWARDED_REQUEST_HEADERS) {
			String value = request.getHeader(name);
			if (value != null) {
				forwarded.header(name, value);
			}
		}
		HttpResponse<InputStream> response;
		try {
			response = this.client.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw problem(HttpStatus.BAD_GATEWAY, service + " does not answer at " + base + ": " + ex.getMessage());
		}
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach((name, values) -> {
			if (FORWARDED_RESPONSE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				headers.put(name, values);
			}
		});
		StreamingResponseBody body = (out) -> copy(response.body(), out, servletResponse);
		return ResponseEntity.status(response.statusCode()).headers(headers).body(body);
	}

	static boolean allowed(String service, String method, String path) {
		if (path.contains("..") || path.contains("//")) {
			return false;
		}
		return path.startsWith("/admin/") || ("auth".equals(service) && "POST".equals(method)
				&& List.of("/api/auth/login", "/api/auth/refresh").contains(path));
	}

	private static HttpRequest.BodyPublisher bodyOf(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readAllBytes();
		return (body.length == 0) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
	}

	/** Copies as bytes arrive, flushing each read, so events reach the page at once. */
	private static void copy(InputStream in, OutputStream out, HttpServletResponse servletResponse) throws IOException {
		try (in) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
				// The stream's own flush left server-sent events in the buffer: the
				// browser saw none (OperatorConsoleBrowserTests).
				servletResponse.flushBuffer();
			}
		}
	}

	/** Answered as RFC 9457 problem details (spring.mvc.problemdetails). */
	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	static Map<String, String> describe(ConsoleProperties properties) {
		Map<String, String> services = new java.util.TreeMap<>();
		properties.services().forEach((name, uri) -> services.put(name, uri.toString()));
		return services;
	}

}
