package dev.flux.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Flux service answers to input it cannot take: the same malformed bodies, NUL
 * characters, wildcard {@code Content-Type}s and out-of-range paging sent to each, and
 * the same RFC 9457 shape back: {@code type} under {@code https://flux.dev/problems/},
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the path) and, for a
 * 400, {@code errors} naming each field. Never a 5xx. A service's test class that already
 * starts it implements this interface and says which of its endpoints to probe; the
 * service's port comes from Spring's test context.
 */
public interface ProblemShapeContract {

	/**
	 * Endpoints that take a JSON body, with a body they accept, and others (body null)
	 * probed with wildcard content types only; at least one.
	 */
	List<JsonEndpoint> jsonEndpoints();

	/** Endpoints that page, with the names of their page and size parameters. */
	List<PagedEndpoint> pagedEndpoints();

	/**
	 * A GET the service answers, taking {@code parameter}; its token, if it needs one.
	 */
	QueryEndpoint queryEndpoint();

	@Test
	default void answersBrokenJsonWithAnInvalidRequestNamingTheBody(@LocalServerPort int port) {
		for (JsonEndpoint endpoint : withBodies()) {
			for (String broken : List.of("{\"", "not json", "{\"a\":1,}", "")) {
				Reply reply = send(port, endpoint, broken, "application/json");

				assertInvalid(reply, endpoint.path(), "body");
			}
		}
	}

	@Test
	default void answersNoBodyAtAllWithAnInvalidRequestNamingTheBody(@LocalServerPort int port) {
		for (JsonEndpoint endpoint : withBodies()) {
			Reply reply = request(port, endpoint.method(), endpoint.path(), null, null, endpoint.token());

			assertInvalid(reply, endpoint.path(), "body");
		}
	}

	@Test
	default void answersAValueOfTheWrongTypeNamingTheField(@LocalServerPort int port) {
		for (JsonEndpoint endpoint : withBodies()) {
			for (String field : stringFields(endpoint)) {
				Map<String, Object> body = new LinkedHashMap<>(endpoint.validBody());
				body.put(field, Map.of("not", "a string"));

				assertInvalid(send(port, endpoint, json(body), "application/json"), endpoint.path(), field);
			}
		}
	}

	@Test
	default void answersMissingRequiredFieldsNamingEachOne(@LocalServerPort int port) {
		for (JsonEndpoint endpoint : withBodies()) {
			if (!endpoint.required().isEmpty()) {
				Reply reply = send(port, endpoint, "{}", "application/json");

				assertInvalid(reply, endpoint.path(), endpoint.required().getFirst());
				assertThat(reply.fields()).containsAll(endpoint.required());
			}
		}
	}

	@Test
	default void refusesTheNulCharacterInAnyStringNamingTheField(@LocalServerPort int port) {
		for (JsonEndpoint endpoint : withBodies()) {
			for (String field : stringFields(endpoint)) {
				Map<String, Object> body = new LinkedHashMap<>(endpoint.validBody());
				body.put(field, "a\u0000b");

				Reply reply = send(port, endpoint, json(body), "application/json");

				assertInvalid(reply, endpoint.path(), field);
				assertThat(reply.body()).contains("NUL");
			}
		}
	}

	@Test
	default void refusesTheNulCharacterInAQueryParameterNamingIt(@LocalServerPort int port) {
		QueryEndpoint endpoint = queryEndpoint();

		Reply reply = request(port, "GET", endpoint.path() + "?" + endpoint.parameter() + "=a%00b", null, null,
				endpoint.token());

		assertInvalid(reply, endpoint.path(), endpoint.parameter());
		assertThat(reply.body()).contains("NUL");
	}

	@Test
	default void refusesAWildcardContentTypeWith415(@LocalServerPort int port) {
		assertThat(jsonEndpoints()).as("endpoints to probe").isNotEmpty();
		for (JsonEndpoint endpoint : jsonEndpoints()) {
			String body = (endpoint.validBody() != null) ? json(endpoint.validBody()) : "{}";
			for (String wildcard : List.of("*/*", "application/*", "*")) {
				Reply reply = send(port, endpoint, body, wildcard);

				assertProblem(reply, 415, endpoint.path());
				assertThat(reply.type()).endsWith("/unsupported-media-type");
			}
		}
	}

	@Test
	default void boundsPagingNamingTheParameter(@LocalServerPort int port) {
		for (PagedEndpoint endpoint : pagedEndpoints()) {
			String page = endpoint.pageParameter();
			String size = endpoint.sizeParameter();
			Map<String, String> outOfRange = new LinkedHashMap<>();
			outOfRange.put(page + "=21474837&" + size + "=100", page);
			outOfRange.put(page + "=2147483647&" + size + "=" + endpoint.maxSize(), page);
			outOfRange.put(page + "=-1", page);
			outOfRange.put(page + "=99999999999", page);
			outOfRange.put(size + "=0", size);
			outOfRange.put(size + "=" + (endpoint.maxSize() + 1), size);
			outOfRange.put(size + "=2147483647", size);
			outOfRange.forEach((query, named) -> {
				String separator = endpoint.path().contains("?") ? "&" : "?";
				Reply reply = request(port, "GET", endpoint.path() + separator + query, null, null, endpoint.token());

				assertInvalid(reply, endpoint.path().replaceFirst("\\?.*", ""), named);
			});
		}
	}

	/**
	 * A 10 KB bearer token with a body, as a broken client or an attacker sends: the
	 * service answers it with its 401 problem every time, never a closed connection (the
	 * web server's own 8 KB limit used to close it mid-body, now and then before any
	 * answer was read).
	 */
	@Test
	default void answersAnOversizedTokenWithA401EveryTime(@LocalServerPort int port) {
		String oversized = "e".repeat(10_000);
		for (JsonEndpoint endpoint : withBodies()) {
			for (int attempt = 0; attempt < 20; attempt++) {
				Reply reply = request(port, endpoint.method(), endpoint.path(), json(endpoint.validBody()),
						"application/json", oversized);

				assertProblem(reply, 401, endpoint.path());
			}
		}
	}

	/** The shape every refusal has. */
	static void assertProblem(Reply reply, int status, String path) {
		assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).as(reply.body()).startsWith("application/problem+json");
		Map<String, Object> problem = reply.map();
		assertThat(problem).containsKeys("type", "title", "status", "detail", "instance");
		assertThat(reply.type()).startsWith("https://flux.dev/problems/");
		assertThat((String) problem.get("title")).isNotBlank();
		assertThat(problem.get("status")).isEqualTo(status);
		assertThat((String) problem.get("detail")).isNotBlank();
		assertThat(problem.get("instance")).isEqualTo(path);
	}

	/**
	 * A 400 {@code invalid-request} whose {@code errors} name {@code field}, each with a
	 * message.
	 */
	static void assertInvalid(Reply reply, String path, String field) {
		assertProblem(reply, 400, path);
		assertThat(reply.type()).isEqualTo("https://flux.dev/problems/invalid-request");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
		assertThat(errors).as(reply.body()).isNotEmpty();
		assertThat(errors).allSatisfy((error) -> {
			assertThat(error).containsOnlyKeys("field", "message");
			assertThat((String) error.get("message")).isNotBlank();
		});
		assertThat(reply.fields()).as(reply.body()).contains(field);
	}

	private List<JsonEndpoint> withBodies() {
		return jsonEndpoints().stream().filter((endpoint) -> endpoint.validBody() != null).toList();
	}

	private static List<String> stringFields(JsonEndpoint endpoint) {
		return endpoint.validBody()
			.entrySet()
			.stream()
			.filter((member) -> member.getValue() instanceof String)
			.map(Map.Entry::getKey)
			.toList();
	}

	private static String json(@Nullable Map<String, Object> body) {
		return JsonMapper.shared().writeValueAsString(body);
	}

	private static Reply send(int port, JsonEndpoint endpoint, String body, String contentType) {
		return request(port, endpoint.method(), endpoint.path(), body, contentType, endpoint.token());
	}

	private static Reply request(int port, String method, String path, @Nullable String body,
			@Nullable String contentType, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return new Reply(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An endpoint that takes a JSON body.
	 *
	 * @param method the HTTP method
	 * @param path the path, without a query
	 * @param validBody a body it accepts, whose string members are probed one by one;
	 * null for an endpoint that reads no body (probed with wildcard content types only)
	 * @param required the members it cannot do without, each named when {@code {}} is
	 * sent
	 * @param token the access token it needs, if any
	 */
	record JsonEndpoint(String method, String path, @Nullable Map<String, Object> validBody, List<String> required,
			@Nullable String token) {

	}

	/**
	 * A paged list.
	 *
	 * @param path the path, with any other parameter it needs
	 * @param pageParameter the name of the page number's parameter
	 * @param sizeParameter the name of the page size's parameter
	 * @param maxSize the largest page size it allows
	 * @param token the access token it needs, if any
	 */
	record PagedEndpoint(String path, String pageParameter, String sizeParameter, int maxSize, @Nullable String token) {

	}

	/**
	 * A GET with a query parameter.
	 *
	 * @param path the path, without a query
	 * @param parameter the parameter's name
	 * @param token the access token it needs, if any
	 */
	record QueryEndpoint(String path, String parameter, @Nullable String token) {

	}

	/** A response, read as a problem. */
	record Reply(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse("");
		}

		Map<String, Object> map() {
			assertThat(body()).as("a problem body").isNotBlank();
			return JsonMapper.shared().readValue(body(), Map.class);
		}

		String type() {
			return String.valueOf(map().get("type"));
		}

		@SuppressWarnings("unchecked")
		List<String> fields() {
			Object errors = map().get("errors");
			return (errors instanceof List<?> list)
					? list.stream().map((error) -> String.valueOf(((Map<String, Object>) error).get("field"))).toList()
					: List.of();
		}

	}

}
