package dev.flux.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

/** GET requests to a service the test started on a local port. */
final class LocalHttp {

	private LocalHttp() {
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return get(port, path, null);
	}

	/** A GET with {@code Authorization: Bearer <token>} unless the token is null. */
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
