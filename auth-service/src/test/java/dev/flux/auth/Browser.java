package dev.flux.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The user's browser in a social-login flow: follows redirects one at a time (so a test
 * can see or tamper with every hop) and keeps cookies per host and port, until it is sent
 * to the front-end.
 */
public final class Browser {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, Map<String, String>> cookies = new HashMap<>();

	private final int port;

	public Browser(int port) {
		this.port = port;
	}

	/** Opens a path of the auth-service and follows redirects to the front-end. */
	public Landing open(String path) {
		return open(path, UnaryOperator.identity());
	}

	/**
	 * Opens a path of the auth-service and follows redirects to the front-end, each hop
	 * through {@code tamper} first.
	 */
	public Landing open(String path, UnaryOperator<URI> tamper) {
		URI next = URI.create("http://localhost:" + this.port + path);
		List<URI> hops = new ArrayList<>();
		for (int hop = 0; hop < 10; hop++) {
			if (next.toString().startsWith(MockProviders.FRONT_END)) {
				return new Landing(next, hops);
			}
			HttpResponse<String> response = get(next);
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() != 302 || location == null) {
				throw new IllegalStateException(
						next + " answered " + response.statusCode() + " instead of a redirect: " + response.body());
			}
			next = tamper.apply(next.resolve(location));
			hops.add(next);
		}
		throw new IllegalStateException("Too many redirects: " + hops);
	}

	/** One GET with this browser's cookies for the host. */
	public HttpResponse<String> get(URI uri) {
		String origin = uri.getHost() + ":" + uri.getPort();
		Map<String, String> jar = this.cookies.computeIfAbsent(origin, (key) -> new LinkedHashMap<>());
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("User-Agent", "flux-tests-browser/1.0");
		if (!jar.isEmpty()) {
			request.header("Cookie",
					String.join("; ", jar.entrySet().stream().map((c) -> c.getKey() + "=" + c.getValue()).toList()));
		}
		try {
			HttpResponse<String> response = this.client.send(request.GET().build(),
					HttpResponse.BodyHandlers.ofString());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String[] pair = header.split(";", 2)[0].split("=", 2);
				boolean expired = header.toLowerCase().contains("max-age=0") || pair.length < 2 || pair[1].isEmpty();
				if (expired) {
					jar.remove(pair[0].trim());
				}
				else {
					jar.put(pair[0].trim(), pair[1].trim());
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public boolean hasCookie(String name) {
		return this.cookies.values().stream().anyMatch((jar) -> jar.containsKey(name));
	}

	/** Replaces (or adds) one query parameter of a URI. */
	public static URI withParameter(URI uri, String name, String value) {
		Map<String, String> query = query(uri);
		query.put(name, value);
		StringBuilder rebuilt = new StringBuilder();
		query.forEach((key, current) -> rebuilt.append(rebuilt.isEmpty() ? "" : "&")
			.append(key)
			.append('=')
			.append(java.net.URLEncoder.encode(current, StandardCharsets.UTF_8)));
		String base = uri.toString().split("\\?", 2)[0];
		return URI.create(base + "?" + rebuilt);
	}

	/** The decoded query parameters of a URI. */
	public static Map<String, String> query(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	/**
	 * Where the browser ended: the front-end URL with its {@code code}, {@code flow} or
	 * {@code error}, and every hop that led there.
	 */
	public record Landing(URI uri, List<URI> hops) {

		public @Nullable String code() {
			return query(this.uri).get("code");
		}

		public @Nullable String error() {
			return query(this.uri).get("error");
		}

		public @Nullable String flow() {
			return query(this.uri).get("flow");
		}

	}

}
