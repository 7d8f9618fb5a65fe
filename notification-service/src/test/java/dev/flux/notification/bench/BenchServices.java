package dev.flux.notification.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flux.testsupport.JwksServer;

import static org.awaitility.Awaitility.await;

/**
 * A service's jar started as its own process for a benchmark, the way {@code ./flux up}
 * runs it, with its log in {@code .flux/bench-<service>.log}.
 */
final class BenchServices {

	private BenchServices() {
	}

	static Process start(Path root, String service, int port, JwksServer auth, List<String> javaOptions)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(root.resolve(service + "/target/" + service + ".jar").toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(root.resolve(".flux/bench-" + service + ".log").toFile());
		Map<String, String> env = builder.environment();
		env.put("FLUX_HTTP_PORT", String.valueOf(port));
		env.put("FLUX_MANAGEMENT_PORT", "0");
		env.put("FLUX_AUTH_ISSUER", auth.issuer());
		env.put("FLUX_AUTH_JWKS_URI", auth.jwkSetUri().toString());
		env.put("FLUX_GATEWAY_HEARTBEAT_INTERVAL", "10m");
		env.put("LOGGING_LEVEL_ROOT", "WARN");
		return builder.start();
	}

	/** Waits until the service answers its readiness probe; fails if it stops first. */
	static void awaitReady(HttpClient http, int port, Process process, String service) {
		HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
		await(service + "'s readiness").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(service + " stopped; see .flux/bench-" + service + ".log");
			}
			try {
				return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false; // not listening yet
			}
		});
	}

}
