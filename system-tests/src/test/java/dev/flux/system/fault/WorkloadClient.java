package dev.flux.system.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workload's HTTP client: every request has a time limit, so a frozen broker or a
 * killed instance turns into an unknown outcome instead of a stuck client.
 */
final class WorkloadClient {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	/** The answer, or null when none came in time. */
	@Nullable HttpResponse<String> send(String method, int port, String path, Object body, @Nullable String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
