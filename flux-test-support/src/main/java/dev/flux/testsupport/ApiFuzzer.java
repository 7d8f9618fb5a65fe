package dev.flux.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives every operation of a running service's OpenAPI document with generated bad
 * inputs (wrong types, nulls, huge, deeply nested and overflowing values, out-of-range
 * dates, control characters and NUL, odd encodings, wildcard and foreign content types,
 * malformed path and query parameters, odd conditional headers) and collects every answer
 * of 5xx with the smallest set of mutations that still causes it. Each request is a
 * well-formed request built from the operation's schema with one to three mutations;
 * operations take turns, so each gets an equal share. Seeded, so a run can be repeated.
 */
public final class ApiFuzzer {

	// Deep enough to write the deeply nested values the fuzzer sends on purpose.
	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100_000).build())
			.build())
		.build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

	private static final String HUGE = "x".repeat(100_000);

	private static final List<JsonNode> VALUES = List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(0),
			NODES.numberNode(-1), NODES.numberNode(new BigInteger("2147483648")),
			NODES.numberNode(new BigInteger("99999999999999999999999999999999")),
			NODES.numberNode(new BigDecimal("1e309")), NODES.numberNode(new BigDecimal("-1e309")),
			NODES.numberNode(1.5), NODES.stringNode(""), NODES.stringNode(" "), NODES.stringNode(HUGE),
			NODES.stringNode("\u0000"), NODES.stringNode("a\u0000b"), NODES.stringNode("\u0001\u001b\u007f"),
			NODES.stringNode("\uD800"), NODES.stringNode("\u202Eevil\uFEFF"),
			NODES.stringNode("+10000-01-01T00:00:00Z"), NODES.stringNode("-0001-12-31T00:00:00Z"),
			NODES.stringNode("+1000000000-12-31T23:59:59Z"), NODES.stringNode("2026-02-30T25:61:00Z"),
			NODES.stringNode("0000-01-01T00:00:00Z"), NODES.stringNode("9999-12-31T23:59:59.999999999Z"),
			NODES.stringNode("\uD835\uDD18\uD835\uDD2B"), NODES.stringNode("x@b.c"), NODES.stringNode("x@b.test"),
			NODES.stringNode("../../etc/passwd"), NODES.stringNode("' OR 1=1 --"), NODES.stringNode("9".repeat(400)),
			NODES.arrayNode(), NODES.objectNode(), nested(600, true), nested(600, false));

	private static final List<String> RAW_BODIES = List.of("", "null", "[]", "\"x\"", "1", "{", "{\"a\":}",
			"{\"a\":1,\"a\":2}", "{\"a\":NaN}", "{\"a\":1e999999}", "[".repeat(100_000), "{\"a\":\"\\u0000\"}",
			"{\"a\":\"\\ud800\"}", "\uFEFF{}");

	private static final List<String> CONTENT_TYPES = List.of("*/*", "application/*", "text/plain", "application/xml",
			"application/json; charset=utf-16", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/json;charset=nonsense", "application/merge-patch+json", "application/problem+json", "json",
			"");

	private static final List<String> QUERY_VALUES = List.of("", "%00", "-1", "0", "2147483647", "2147483648",
			"21474837", "99999999999999999999", "1e309", "NaN", "abc", "x".repeat(5000), "%FF%FE", "%E2%80%AE",
			"%2B10000-01-01T00%3A00%3A00Z", "a%00b", "%0D%0Aset-cookie:x");

	private static final List<String> PATH_VALUES = List.of("%00", "x", "-1", "0", "99999999999999999999", "%FF",
			"a".repeat(3000), "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-000000000000", "%2e%2e",
			"null", "%20", "a%00b");

	private static final List<String[]> HEADERS = List.of(new String[] { "If-Match", "garbage" },
			new String[] { "If-Match", "\"99999999999999999999\"" }, new String[] { "If-Match", "W/\"-1\"" },
			new String[] { "If-Match", "*" }, new String[] { "If-None-Match", "\"x\", W/\"1\"" },
			new String[] { "If-None-Match", "*" }, new String[] { "Accept", "application/xml" },
			new String[] { "Accept", "*/*;q=abc" }, new String[] { "Accept", "text/html" },
			new String[] { "Accept-Charset", "utf-7" }, new String[] { "Authorization", "Bearer x" },
			new String[] { "Authorization", "Bearer a.b.c" }, new String[] { "Authorization", "Basic Zm9vOmJhcg==" },
			new String[] { "Authorization", "Bearer " + "e".repeat(10_000) },
			new String[] { "X-Forwarded-For", "not-an-address" }, new String[] { "Origin", "http://localhost:3000x" },
			new String[] { "Content-Encoding", "gzip" });

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final JsonNode document;

	private final Function<String, @Nullable String> tokens;

	private final Random random;

	private final long seed;

	private ApiFuzzer(String base, JsonNode document, Function<String, @Nullable String> tokens, long seed) {
		this.base = base;
		this.document = document;
		this.tokens = tokens;
		this.seed = seed;
		this.random = new Random(seed);
	}

	/**
	 * A fuzzer of the service on {@code localhost:port}, driven by the OpenAPI document
	 * it serves at {@code /v3/api-docs}; {@code tokens} gives the access token to send
	 * for an operation's path (null: none).
	 */
	public static ApiFuzzer forService(int port, Function<String, @Nullable String> tokens, long seed) {
		String base = "http://localhost:" + port;
		try {
			HttpResponse<String> docs = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(),
						HttpResponse.BodyHandlers.ofString());
			return new ApiFuzzer(base, JSON.readTree(docs.body()), tokens, seed);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the OpenAPI document of " + base, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A fuzzer of the service on {@code localhost:port}, driven by the given OpenAPI
	 * document (for a service that serves none).
	 */
	public static ApiFuzzer forDocument(int port, String openApiJson, Function<String, @Nullable String> tokens,
			long seed) {
		return new ApiFuzzer("http://localhost:" + port, JSON.readTree(openApiJson), tokens, seed);
	}

	/** The operations, as {@code METHOD /path}, in the order they take turns. */
	public List<String> operations() {
		return operations(this.document).stream().map(Operation::toString).toList();
	}

	/**
	 * Sends {@code requests} generated requests.
	 * @return how many were sent and every 5xx, minimal and without duplicates
	 */
	public Result run(int requests) {
		List<Operation> operations = operations(this.document);
		Map<String, Failure> failures = new LinkedHashMap<>();
		for (int i = 0; i < requests; i++) {
			Operation operation = operations.get(i % operations.size());
			List<Mutation> mutations = new ArrayList<>();
			int count = 1 + this.random.nextInt(3);
			for (int m = 0; m < count; m++) {
				mutations.add(operation.randomMutation(this.random));
			}
			Answer answer = send(operation, mutations);
			if (answer.status() >= 500) {
				Failure failure = shrink(operation, mutations, answer);
				failures.putIfAbsent(operation + " " + failure.mutations(), failure);
			}
		}
		return new Result(requests, this.seed, List.copyOf(failures.values()));
	}

	private Failure shrink(Operation operation, List<Mutation> mutations, Answer answer) {
		if (mutations.size() > 1) {
			for (Mutation mutation : mutations) {
				Answer alone = send(operation, List.of(mutation));
				if (alone.status() >= 500) {
					return new Failure(operation.toString(), List.of(mutation.description()), alone);
				}
			}
		}
		return new Failure(operation.toString(), mutations.stream().map(Mutation::description).toList(), answer);
	}

	private Answer send(Operation operation, List<Mutation> mutations) {
		Draft draft = operation.baseline(this.tokens.apply(operation.path()));
		mutations.forEach((mutation) -> mutation.apply(draft));
		String target = this.base + draft.path() + (draft.query.isEmpty() ? "" : "?" + draft.query());
		byte[] body = draft.bodyBytes();
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
				.timeout(Duration.ofSeconds(30))
				.method(operation.method(), (body.length > 0 || draft.rawBody != null)
						? HttpRequest.BodyPublishers.ofByteArray(body) : HttpRequest.BodyPublishers.noBody());
			draft.headers.forEach(request::header);
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), describe(operation.method(), target, draft.headers, body),
					abbreviate(response.body(), 600));
		}
		catch (IllegalArgumentException ex) {
			// a header or URI the client itself refuses to send: nothing reached the
			// server
			return new Answer(0, describe(operation.method(), target, draft.headers, body), ex.getMessage());
		}
		catch (IOException ex) {
			return new Answer(599, describe(operation.method(), target, draft.headers, body), "no answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(String method, String target, Map<String, String> headers, byte[] body) {
		StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target, 300));
		headers.forEach((name, value) -> text.append("\n  ").append(name).append(": ").append(abbreviate(value, 120)));
		if (body.length > 0) {
			text.append("\n  body (")
				.append(body.length)
				.append(" bytes): ")
				.append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
		}
		return text.toString();
	}

	private static String abbreviate(String text, int max) {
		StringBuilder visible = new StringBuilder();
		text.codePoints().limit(max).forEach((c) -> {
			if (c < 0x20 || c == 0x7f) {
				visible.append(String.format(Locale.ROOT, "\\u%04x", c));
			}
			else {
				visible.appendCodePoint(c);
			}
		});
		return (text.length() > max) ? visible + "... (" + text.length() + " chars)" : visible.toString();
	}

	private List<Operation> operations(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey()) && !streams(method.getValue())) {
					operations
						.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
				}
			}
		}
		return operations;
	}

	/**
	 * Whether an operation answers a stream that never ends (server-sent events, such as
	 * the live event stream): a request to it would only time out, so it is not fuzzed.
	 */
	private static boolean streams(JsonNode operation) {
		for (JsonNode response : operation.path("responses")) {
			if (response.path("content").has("text/event-stream")) {
				return true;
			}
		}
		return false;
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			String ref = current.get("$ref").asString().replace("#/", "");
			JsonNode target = this.document;
			for (String part : ref.split("/")) {
				target = target.path(part);
			}
			current = target;
		}
		for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
			if (current.path(combinator).isArray() && !current.path(combinator).isEmpty()) {
				return resolve(current.path(combinator).get(0));
			}
		}
		return current;
	}

	/** A valid-looking value for a schema. */
	private JsonNode example(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		if (resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()) {
			return resolved.path("enum").get(0);
		}
		String type = resolved.path("type").asString("");
		if (type.isEmpty() && resolved.path("type").isArray() && !resolved.path("type").isEmpty()) {
			type = resolved.path("type").get(0).asString("");
		}
		if (type.isEmpty() && resolved.has("properties")) {
			type = "object";
		}
		return switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					resolved.path("properties")
						.properties()
						.forEach((property) -> object.set(property.getKey(), example(property.getValue(), depth + 1)));
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4 && resolved.has("items")) {
					array.add(example(resolved.get("items"), depth + 1));
				}
				yield array;
			}
			case "integer", "number" -> NODES.numberNode(resolved.path("minimum").asLong(1));
			case "boolean" -> NODES.booleanNode(true);
			case "string" -> NODES.stringNode(exampleString(resolved));
			default -> NODES.stringNode("fuzz");
		};
	}

	private String exampleString(JsonNode schema) {
		return switch (schema.path("format").asString("")) {
			case "uuid" -> UUID.randomUUID().toString();
			case "email" -> "fuzz" + Math.abs(this.random.nextInt()) + "@example.com";
			case "date-time" -> Instant.now().plus(Duration.ofDays(1)).toString();
			case "uri", "url" -> "https://example.com/fuzz.png";
			default -> "fuzz" + Math.abs(this.random.nextInt(1000));
		};
	}

	private static JsonNode nested(int depth, boolean arrays) {
		JsonNode node = NODES.numberNode(1);
		for (int i = 0; i < depth; i++) {
			node = arrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
		}
		return node;
	}

	/** The outcome of a run. */
	public record Result(int requests, long seed, List<Failure> failures) {

		/** Every failure with its minimal request, for an assertion message. */
		public String report() {
			StringBuilder text = new StringBuilder(failures().size() + " kinds of 5xx in " + requests()
					+ " requests (seed " + seed() + "); minimal requests:");
			for (Failure failure : failures()) {
				text.append("\n\n")
					.append(failure.answer().status())
					.append(" from ")
					.append(failure.operation())
					.append(" with ")
					.append(failure.mutations())
					.append("\n")
					.append(failure.answer().request())
					.append("\n  answer: ")
					.append(failure.answer().body());
			}
			return text.toString();
		}

	}

	/** A request that answered 5xx, with the mutations that cause it. */
	public record Failure(String operation, List<String> mutations, Answer answer) {
	}

	/** What the service answered to a request. */
	public record Answer(int status, String request, String body) {
	}

	/** One change to an otherwise well-formed request. */
	private record Mutation(String description, Consumer<Draft> change) {

		void apply(Draft draft) {
			this.change.accept(draft);
		}

	}

	/** A request being built. */
	private static final class Draft {

		private final String template;

		private final Map<String, String> pathParameters = new LinkedHashMap<>();

		private final Map<String, String> query = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private @Nullable JsonNode body;

		private byte @Nullable [] rawBody;

		Draft(String template) {
			this.template = template;
		}

		String path() {
			String path = this.template;
			for (Map.Entry<String, String> parameter : this.pathParameters.entrySet()) {
				path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
			}
			return path;
		}

		String query() {
			StringBuilder text = new StringBuilder();
			this.query.forEach((name, value) -> {
				if (!text.isEmpty()) {
					text.append('&');
				}
				text.append(name.endsWith("#twice") ? name.replace("#twice", "") : name).append('=').append(value);
			});
			return text.toString();
		}

		byte[] bodyBytes() {
			if (this.rawBody != null) {
				return this.rawBody;
			}
			return (this.body != null) ? JSON.writeValueAsBytes(this.body) : new byte[0];
		}

	}

	/** An operation of the document, which makes its baseline request and mutations. */
	private final class Operation {

		private final String method;

		private final String path;

		private final JsonNode spec;

		private final List<Mutation> mutations = new ArrayList<>();

		Operation(String method, String path, JsonNode spec) {
			this.method = method;
			this.path = path;
			this.spec = spec;
			collectMutations();
		}

		String method() {
			return this.method;
		}

		String path() {
			return this.path;
		}

		Mutation randomMutation(Random random) {
			return this.mutations.get(random.nextInt(this.mutations.size()));
		}

		Draft baseline(@Nullable String token) {
			Draft draft = new Draft(this.path);
			for (JsonNode parameter : this.spec.path("parameters")) {
				JsonNode resolved = resolve(parameter);
				String name = resolved.path("name").asString();
				String value = example(resolved.path("schema"), 0).asString("1");
				switch (resolved.path("in").asString()) {
					case "path" -> draft.pathParameters.put(name, value);
					case "query" -> {
						if (resolved.path("required").asBoolean(false)) {
							draft.query.put(name, value);
						}
					}
					default -> {
					}
				}
			}
			JsonNode content = this.spec.path("requestBody").path("content");
			if (!content.isMissingNode() && !content.isEmpty()) {
				Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
				Map.Entry<String, JsonNode> first = types.next();
				draft.headers.put("Content-Type", first.getKey().equals("*/*") ? "application/json" : first.getKey());
				draft.body = example(first.getValue().path("schema"), 0);
			}
			if (token != null) {
				draft.headers.put("Authorization", "Bearer " + token);
			}
			return draft;
		}

		private void collectMutations() {
			for (JsonNode parameter : this.spec.path("parameters")) {
				JsonNode resolved = resolve(parameter);
				String name = resolved.path("name").asString();
				String in = resolved.path("in").asString();
				if ("path".equals(in)) {
					for (String value : PATH_VALUES) {
						this.mutations.add(new Mutation("path " + name + "=" + abbreviate(value, 40),
								(draft) -> draft.pathParameters.put(name, value)));
					}
				}
				else if ("query".equals(in)) {
					for (String value : QUERY_VALUES) {
						this.mutations.add(new Mutation("query " + name + "=" + abbreviate(value, 40),
								(draft) -> draft.query.put(name, value)));
					}
					this.mutations.add(new Mutation("query " + name + " twice", (draft) -> {
						draft.query.put(name, "1");
						draft.query.put(name + "#twice", "2");
					}));
				}
			}
			for (String value : QUERY_VALUES.subList(0, 6)) {
				this.mutations.add(new Mutation("query page/size=" + value, (draft) -> {
					draft.query.put("page", value);
					draft.query.put("size", value);
				}));
			}
			for (String[] header : HEADERS) {
				this.mutations.add(new Mutation("header " + header[0] + ": " + abbreviate(header[1], 40),
						(draft) -> draft.headers.put(header[0], header[1])));
			}
			this.mutations.add(new Mutation("no Authorization", (draft) -> draft.headers.remove("Authorization")));
			JsonNode content = this.spec.path("requestBody").path("content");
			if (content.isMissingNode() || content.isEmpty()) {
				this.mutations.add(new Mutation("unexpected JSON body", (draft) -> {
					draft.headers.put("Content-Type", "application/json");
					draft.rawBody = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
				}));
				return;
			}
			for (String contentType : CONTENT_TYPES) {
				this.mutations.add(new Mutation("Content-Type: " + contentType, (draft) -> {
					if (contentType.isEmpty()) {
						draft.headers.remove("Content-Type");
					}
					else {
						draft.headers.put("Content-Type", contentType);
					}
				}));
			}
			for (String raw : RAW_BODIES) {
				this.mutations.add(new Mutation("body " + abbreviate(raw, 40),
						(draft) -> draft.rawBody = raw.getBytes(StandardCharsets.UTF_8)));
			}
			this.mutations.add(new Mutation("body as UTF-16 with BOM", (draft) -> {
				byte[] json = draft.bodyBytes();
				draft.rawBody = ("\uFEFF" + new String(json, StandardCharsets.UTF_8))
					.getBytes(StandardCharsets.UTF_16BE);
			}));
			this.mutations.add(new Mutation("body with invalid UTF-8", (draft) -> draft.rawBody = new byte[] { '{', '"',
					'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}' }));
			this.mutations
				.add(new Mutation("body with a NUL byte", (draft) -> draft.rawBody = new byte[] { '{', 0, '}' }));
			JsonNode example = example(content.properties().iterator().next().getValue().path("schema"), 0);
			Set<String> fields = new LinkedHashSet<>();
			collectFields(example, "", fields);
			for (String field : fields) {
				for (JsonNode value : VALUES) {
					this.mutations
						.add(new Mutation("field " + field + "=" + abbreviate(JSON.writeValueAsString(value), 40),
								(draft) -> setField(draft, field, value)));
				}
				this.mutations.add(new Mutation("field " + field + " left out", (draft) -> removeField(draft, field)));
			}
			for (JsonNode value : VALUES) {
				this.mutations.add(new Mutation("extra field=" + abbreviate(JSON.writeValueAsString(value), 40),
						(draft) -> setField(draft, "unexpectedFuzzField", value)));
			}
		}

		private void collectFields(JsonNode node, String prefix, Set<String> fields) {
			if (!node.isObject()) {
				return;
			}
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String field = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
				fields.add(field);
				collectFields(property.getValue(), field, fields);
			}
		}

		private void setField(Draft draft, String field, JsonNode value) {
			if (!(draft.body instanceof ObjectNode root)) {
				draft.body = value;
				return;
			}
			ObjectNode parent = root;
			String[] parts = field.split("\\.");
			for (int i = 0; i < parts.length - 1; i++) {
				if (!(parent.get(parts[i]) instanceof ObjectNode child)) {
					return;
				}
				parent = child;
			}
			parent.set(parts[parts.length - 1], value);
		}

		private void removeField(Draft draft, String field) {
			if (draft.body instanceof ObjectNode root) {
				String[] parts = field.split("\\.");
				ObjectNode parent = root;
				for (int i = 0; i < parts.length - 1; i++) {
					if (!(parent.get(parts[i]) instanceof ObjectNode child)) {
						return;
					}
					parent = child;
				}
				parent.remove(parts[parts.length - 1]);
			}
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
