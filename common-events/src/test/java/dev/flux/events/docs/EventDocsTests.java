package dev.flux.events.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.flux.events.EventType;
import dev.flux.events.topology.FluxTopology;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml and docs/events.md describe exactly the events of
 * {@code EventCatalog.standard()}: each type and version once, its payload the JSON
 * Schema the codec validates with, its sensitivity, and as receivers the service queues
 * the topology binds to it. ./flux test validates the AsyncAPI document itself.
 */
class EventDocsTests {

	private static final Path ASYNCAPI = FluxDocs.DOCS.resolve("asyncapi.yaml");

	private static final String SCHEMAS = "common-events/src/main/resources/dev/flux/events/schemas/";

	private static final JsonNode DOCUMENT = new YAMLMapper().readTree(FluxDocs.read(ASYNCAPI));

	@Test
	void isAnAsyncApi3Document() {
		assertThat(DOCUMENT.path("asyncapi").asString()).startsWith("3.");
	}

	@Test
	void listsExactlyTheEventTypesAndVersionsOfTheContracts() {
		Set<String> documented = new TreeSet<>();
		messages().forEach((id, message) -> documented
			.add(message.path("x-flux-type").asString() + " v" + message.path("x-flux-version").asInt()));
		Set<String> contracts = new TreeSet<>();
		for (Class<?> payload : FluxDocs.CATALOG.payloadClasses()) {
			EventType type = FluxDocs.CATALOG.typeOf(payload);
			contracts.add(type.value() + " v" + type.version());
		}

		assertThat(documented).as("messages of docs/asyncapi.yaml against EventCatalog.standard()")
			.containsExactlyElementsOf(contracts);
		Set<String> addresses = new TreeSet<>();
		DOCUMENT.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));
		assertThat(addresses).as("channel addresses (routing keys) of docs/asyncapi.yaml")
			.containsExactlyElementsOf(FluxDocs.CATALOG.types());
	}

	@Test
	void everyMessageIsTheEnvelopeAroundTheSchemaTheCodecValidates() {
		Path docs = ASYNCAPI.getParent();
		List<String> problems = new ArrayList<>();
		messages().forEach((id, message) -> {
			String type = message.path("x-flux-type").asString();
			int version = message.path("x-flux-version").asInt();
			JsonNode allOf = message.path("payload").path("allOf");
			String envelope = allOf.path(0).path("$ref").asString();
			JsonNode properties = allOf.path(1).path("properties");
			String payload = properties.path("payload").path("$ref").asString();
			if (!docs.resolve(envelope).normalize().equals(FluxDocs.ROOT.resolve(SCHEMAS + "envelope.schema.json"))) {
				problems.add(id + ": first allOf must be $ref ../" + SCHEMAS + "envelope.schema.json, not " + envelope);
			}
			Path expected = FluxDocs.ROOT.resolve(SCHEMAS + type + ".v" + version + ".schema.json");
			if (!docs.resolve(payload).normalize().equals(expected) || !Files.isRegularFile(expected)) {
				problems.add(id + ": payload must be $ref ../" + SCHEMAS + type + ".v" + version + ".schema.json, not "
						+ payload);
			}
			if (!type.equals(properties.path("type").path("const").asString())
					|| version != properties.path("version").path("const").asInt()) {
				problems.add(id + ": envelope type and version must be const " + type + " and " + version);
			}
			if (!type.equals(message.path("name").asString())) {
				problems.add(id + ": name must be " + type);
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void marksExactlyTheSensitiveEventsSensitive() {
		Set<String> documented = new TreeSet<>();
		messages().forEach((id, message) -> {
			if (message.path("x-flux-sensitive").asBoolean()) {
				documented.add(message.path("x-flux-type").asString());
			}
		});
		Set<String> sensitive = new TreeSet<>();
		FluxDocs.CATALOG.payloadClasses()
			.stream()
			.map(FluxDocs.CATALOG::typeOf)
			.filter(EventType::sensitive)
			.forEach((type) -> sensitive.add(type.value()));

		assertThat(documented).containsExactlyElementsOf(sensitive);
	}

	@Test
	void everyEventHasOneProducerAndTheQueuesTheTopologyBindsAsReceivers() {
		Map<String, Set<String>> producers = new TreeMap<>();
		Map<String, Set<String>> receivers = new TreeMap<>();
		Map<String, Set<String>> bound = new TreeMap<>();
		for (String type : FluxDocs.CATALOG.types()) {
			producers.put(type, new TreeSet<>());
			receivers.put(type, new TreeSet<>());
			bound.put(type, new TreeSet<>(FluxDocs.queuesReceiving(type)));
		}
		Set<String> services = new TreeSet<>();
		FluxTopology.services().forEach((service) -> services.add(service + "-service"));
		DOCUMENT.path("operations").forEach((operation) -> {
			String channel = operation.path("channel").path("$ref").asString().replace("#/channels/", "");
			String type = DOCUMENT.path("channels").path(channel).path("address").asString();
			if ("send".equals(operation.path("action").asString())) {
				producers.get(type).add(operation.path("x-flux-producer").asString());
			}
			else {
				receivers.get(type).add(operation.path("x-flux-queue").asString());
			}
		});

		assertThat(receivers).as("receive operations (x-flux-queue) against FluxTopology's bindings").isEqualTo(bound);
		producers.forEach((type, producer) -> assertThat(producer).as("producers of " + type)
			.hasSize(1)
			.allSatisfy((name) -> assertThat(services).contains(name)));
		messages().forEach((id, message) -> assertThat(producers.get(message.path("x-flux-type").asString()))
			.as("the envelope's producer const of " + id)
			.containsExactly(message.path("payload")
				.path("allOf")
				.path(1)
				.path("properties")
				.path("producer")
				.path("const")
				.asString()));
	}

	@Test
	void eventsMdExplainsEveryEventType() {
		String events = FluxDocs.read(FluxDocs.DOCS.resolve("events.md"));

		assertThat(FluxDocs.CATALOG.types()).allSatisfy((type) -> assertThat(events).contains("`" + type + "`"));
	}

	private static Map<String, JsonNode> messages() {
		Map<String, JsonNode> messages = new TreeMap<>();
		DOCUMENT.path("components")
			.path("messages")
			.properties()
			.forEach((entry) -> messages.put(entry.getKey(), entry.getValue()));
		return messages;
	}

}
