package dev.flux.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** GET requests to a service the test started on a local port. */
final class LocalHttp {

	private LocalHttp() {
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

}
