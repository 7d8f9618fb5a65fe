package dev.flux.notification;

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

/** A small HTTP client for the notification-service a test started, speaking JSON. */
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

	public Reply post(String path, Object body, @Nullable String accessToken) {
		return send("POST", path, body, accessToken);
	}

	public Reply get(String path, @Nullable String accessToken) {
		return send("GET", path, null, accessToken);
	}

	public Reply patch(String path, Object body, String accessToken) {
		return send("PATCH", path, body, accessToken);
	}

	public Reply delete(String path, @Nullable Object body, String accessToken) {
		return send("DELETE", path, body, accessToken);
	}

	public Reply send(String method, String path, @Nullable Object body, @Nullable String accessToken) {
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

		public String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

	}

}
