package dev.flux.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a service's OpenAPI document to {@code docs/openapi/<service>.json}, where
 * docs/api.md links it and {@code ./flux test} lints it with Spectral. The document is
 * made stable first (paths and schemas by name, a relative server instead of the test's
 * random port), so the file changes only when the API does.
 */
public final class OpenApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private OpenApiDocuments() {
	}

	/** The file a service's document is exported to. */
	public static Path fileOf(String service) {
		return FluxInfrastructure.projectRoot().resolve("docs/openapi/" + service + ".json");
	}

	/**
	 * Writes the document a service served, unless the file already holds it.
	 * @param service the application's name: {@code auth-service}
	 * @param served the JSON the service answered at its api-docs path
	 * @return the file
	 */
	public static Path export(String service, String served) throws IOException {
		String stable = stable(served);
		Path file = fileOf(service);
		if (!Files.isRegularFile(file) || !Files.readString(file).equals(stable)) {
			Files.createDirectories(file.getParent());
			Files.writeString(file, stable);
		}
		return file;
	}

	static String stable(String served) {
		ObjectNode document = (ObjectNode) JSON.readTree(served);
		if (!document.path("openapi").asString().startsWith("3.") || document.path("paths").isEmpty()) {
			throw new IllegalArgumentException(
					"Not an OpenAPI 3 document with paths: " + served.substring(0, Math.min(200, served.length())));
		}
		document.putArray("servers")
			.addObject()
			.put("url", "/")
			.put("description", "The service itself; docs/api.md lists where ./flux up runs each one");
		sortByName(document, "paths");
		if (document.get("components") instanceof ObjectNode components) {
			sortByName(components, "schemas");
		}
		return JSON.writeValueAsString(document) + "\n";
	}

	private static void sortByName(ObjectNode parent, String field) {
		JsonNode node = parent.get(field);
		if (node instanceof ObjectNode object) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			object.properties().forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
			ObjectNode replacement = parent.objectNode();
			sorted.forEach(replacement::set);
			parent.set(field, replacement);
		}
	}

}
