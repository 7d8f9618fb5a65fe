package dev.flux.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.events.EventType;

/**
 * The JSON Schemas of the envelope and of every payload type and version in a catalog,
 * loaded from {@value #LOCATION} once.
 */
final class EventSchemas {

	static final String LOCATION = "dev/flux/events/schemas/";

	static final String ENVELOPE = "envelope.schema.json";

	private final Schema envelope;

	private final Map<String, Schema> payloads;

	EventSchemas(JsonMapper mapper, EventCatalog catalog) {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder()
			.formatAssertionsEnabled(true)
			.locale(Locale.ENGLISH)
			.build();
		Dialect dialect = Dialect.builder(Dialects.getDraft202012())
			.format(new EmailFormat())
			.format(new UuidFormat())
			.format(new DateTimeFormat())
			.build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
				(builder) -> builder.schemaRegistryConfig(config));
		this.envelope = load(registry, mapper, EventSchemas.class.getClassLoader(), ENVELOPE);
		Map<String, Schema> payloads = new HashMap<>();
		for (Class<?> payloadClass : catalog.payloadClasses()) {
			EventType eventType = catalog.typeOf(payloadClass);
			String name = fileName(eventType.value(), eventType.version());
			payloads.put(name, load(registry, mapper, payloadClass.getClassLoader(), name));
		}
		this.payloads = Map.copyOf(payloads);
	}

	/**
	 * The schema file of a payload type and version, e.g.
	 * {@code user.created.v1.schema.json}.
	 */
	static String fileName(String type, int version) {
		return type + ".v" + version + ".schema.json";
	}

	List<String> envelopeViolations(JsonNode envelope) {
		return violations(this.envelope, envelope);
	}

	List<String> payloadViolations(String type, int version, JsonNode payload) {
		Schema schema = this.payloads.get(fileName(type, version));
		if (schema == null) {
			throw new UnknownEventTypeException(type, version,
					"No JSON Schema for event type '" + type + "' version " + version);
		}
		return violations(schema, payload);
	}

	private static List<String> violations(Schema schema, JsonNode instance) {
		return schema.validate(instance).stream().map(EventSchemas::describe).toList();
	}

	private static String describe(Error error) {
		String location = error.getInstanceLocation().toString();
		return (location.isEmpty() ? "/" : location) + ": " + error.getMessage();
	}

	private static Schema load(SchemaRegistry registry, JsonMapper mapper, ClassLoader classLoader, String name) {
		String resource = LOCATION + name;
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No JSON Schema at classpath:" + resource
						+ "; every registered event type and version needs one");
			}
			return registry.getSchema(SchemaLocation.of("classpath:" + resource), mapper.readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read JSON Schema classpath:" + resource, ex);
		}
	}

}
