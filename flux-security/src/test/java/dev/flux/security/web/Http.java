package dev.flux.security.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

/** GET requests to the test's web application, with a bearer token or without. */
final class Http {

	private Http() {
	}

	static HttpResponse<String> get(int port, String path, @Nullable String bearerToken)
			throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			if (bearerToken != null) {
				request.header("Authorization", "Bearer " + bearerToken);
			}
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
