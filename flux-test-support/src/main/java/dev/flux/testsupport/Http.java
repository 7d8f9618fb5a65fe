package dev.flux.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for a service a test started on a local port: bearer token and any
 * other headers (conditional requests, say), JSON path access to the answer.
 */
public final class Http {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	public Reply post(String path, Object body) {
		return send("POST", path, body, null);
	}

	public Reply post(String path, Object body, @Nullable String accessToken, String... headers) {
		return send("POST", path, body, accessToken, headers);
	}

	public Reply get(String path, @Nullable String accessToken, String... headers) {
		return send("GET", path, null, accessToken, headers);
	}

	public Reply put(String path, Object body, @Nullable String accessToken, String... headers) {
		return send("PUT", path, body, accessToken, headers);
	}

	public Reply patch(String path, Object body, @Nullable String accessToken, String... headers) {
		return send("PATCH", path, body, accessToken, headers);
	}

	public Reply delete(String path, @Nullable Object body, @Nullable String accessToken, String... headers) {
		return send("DELETE", path, body, accessToken, headers);
	}

	/** {@code headers} are name, value, name, value... */
	public Reply send(String method, String path, @Nullable Object body, @Nullable String accessToken,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("User-Agent", "flux-tests/1.0");
		if (body != null) {
			String json = (body instanceof String raw) ? raw : mapper.writeValueAsString(body);
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return new Reply(this.client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with JSON path access to its body. */
	public record Reply(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String body() {
			return this.response.body();
		}

		public <T> T json(String path) {
			return JsonPath.read(this.response.body(), path);
		}

		public Map<String, Object> map() {
			return JsonPath.read(this.response.body(), "$");
		}

		public @Nullable String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public String etag() {
			return String.valueOf(header("ETag"));
		}

		public String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

	}

}
