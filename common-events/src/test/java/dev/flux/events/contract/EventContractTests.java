package dev.flux.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Holds every standard payload record to its JSON Schema, in both directions, and the
 * schemas to the records.
 */
class EventContractTests {

	private final EventCodec codec = EventCodec.standard();

	static Stream<Class<?>> standardPayloads() {
		return EventCatalog.standard().payloadClasses().stream();
	}

	@ParameterizedTest
	@MethodSource("standardPayloads")
	void serializedSampleValidatesAgainstItsSchema(Class<?> payloadClass) {
		Object sample = ContractSamples.sample(payloadClass);

		EventEnvelope read = this.codec.fromJson(this.codec.toJson(ContractSamples.envelopeOf(sample)));

		assertThatNoException().isThrownBy(() -> this.codec.validate(read));
		assertThat(this.codec.payload(read, payloadClass)).isEqualTo(sample);
	}

	@ParameterizedTest
	@MethodSource("standardPayloads")
	void handWrittenExampleReadsIntoItsRecord(Class<?> payloadClass) {
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.example(payloadClass));

		assertThatNoException().isThrownBy(() -> this.codec.validate(envelope));
		assertThat(envelope.type()).isEqualTo(EventCatalog.standard().typeOf(payloadClass).value());
		assertThat(this.codec.payload(envelope, payloadClass)).isEqualTo(ContractSamples.expectedExample(payloadClass));
	}

	@ParameterizedTest
	@MethodSource("standardPayloads")
	void schemaPropertiesAreTheRecordComponents(Class<?> payloadClass) {
		JsonNode schema = schemaOf(payloadClass);
		assertThat(payloadClass.isRecord()).as("%s is a record", payloadClass).isTrue();
		RecordComponent[] components = payloadClass.getRecordComponents();

		Set<String> componentNames = Arrays.stream(components)
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<String> nonNullComponentNames = Arrays.stream(components)
			.filter((component) -> !component.getAnnotatedType().isAnnotationPresent(Nullable.class))
			.map(RecordComponent::getName)
			.collect(Collectors.toCollection(LinkedHashSet::new));

		assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(componentNames);
		assertThat(schema.get("required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrderElementsOf(nonNullComponentNames);
	}

	@ParameterizedTest
	@MethodSource("standardPayloads")
	void schemaLetsProducersAddFields(Class<?> payloadClass) {
		assertThat(schemaOf(payloadClass).has("additionalProperties")).isFalse();
		assertThat(schemaOf(payloadClass).has("unevaluatedProperties")).isFalse();
	}

	@Test
	void everySchemaIsValidDraft202012() {
		SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft202012());
		Schema metaSchema = registry.getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));

		for (String file : schemaFiles()) {
			JsonNode schema = readSchema(file);
			assertThat(metaSchema.validate(schema)).as(file).isEmpty();
			assertThat(schema.get("$schema").asString()).as(file)
				.isEqualTo("https://json-schema.org/draft/2020-12/schema");
		}
	}

	@Test
	void everySchemaFileBelongsToTheEnvelopeOrACatalogEntry() {
		Set<String> expected = new LinkedHashSet<>();
		expected.add(EventSchemas.ENVELOPE);
		EventCatalog.standard().payloadClasses().forEach((payloadClass) -> {
			EventType eventType = EventCatalog.standard().typeOf(payloadClass);
			expected.add(EventSchemas.fileName(eventType.value(), eventType.version()));
		});

		assertThat(schemaFiles()).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static JsonNode schemaOf(Class<?> payloadClass) {
		EventType eventType = EventCatalog.standard().typeOf(payloadClass);
		return readSchema(EventSchemas.fileName(eventType.value(), eventType.version()));
	}

	private static JsonNode readSchema(String file) {
		try (InputStream in = EventContractTests.class.getClassLoader()
			.getResourceAsStream(EventSchemas.LOCATION + file)) {
			assertThat(in).as("schema " + file).isNotNull();
			return ContractSamples.MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> schemaFiles() {
		URL envelope = EventSchemas.class.getClassLoader().getResource(EventSchemas.LOCATION + EventSchemas.ENVELOPE);
		assertThat(envelope).as("the envelope schema").isNotNull();
		try (Stream<Path> files = Files.list(Path.of(envelope.toURI()).getParent())) {
			return files.map((file) -> file.getFileName().toString()).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
