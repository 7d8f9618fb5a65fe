package dev.flux.user;

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
 * A small JSON client for the user-service a test started, with the conditional headers
 * (the same idea as auth-service's test client, plus headers).
 */
final class Http {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	Http(int port) {
		this.port = port;
	}

	Reply get(String path, @Nullable String token, String... headers) {
		return send("GET", path, null, token, headers);
	}

	Reply put(String path, Object body, @Nullable String token, String... headers) {
		return send("PUT", path, body, token, headers);
	}

	Reply patch(String path, Object body, @Nullable String token, String... headers) {
		return send("PATCH", path, body, token, headers);
	}

	Reply post(String path, Object body, @Nullable String token, String... headers) {
		return send("POST", path, body, token, headers);
	}

	Reply delete(String path, @Nullable String token, String... headers) {
		return send("DELETE", path, null, token, headers);
	}

	/** {@code headers} are name, value, name, value... */
	Reply send(String method, String path, @Nullable Object body, @Nullable String token, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (body != null) {
			String json = (body instanceof String raw) ? raw : mapper.writeValueAsString(body);
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
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
	record Reply(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

		<T> T json(String path) {
			return JsonPath.read(this.response.body(), path);
		}

		Map<String, Object> map() {
			return JsonPath.read(this.response.body(), "$");
		}

		@Nullable String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		String etag() {
			return String.valueOf(header("ETag"));
		}

		String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

	}

}
