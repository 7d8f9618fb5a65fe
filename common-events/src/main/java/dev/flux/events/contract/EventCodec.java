package dev.flux.events.contract;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;

/**
 * Reads and writes event envelopes as JSON and holds them to the JSON Schemas of the
 * {@link EventCatalog}; thread-safe.
 */
public final class EventCodec {

	/** The envelope schema's pattern of {@code type}. */
	private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z][a-zA-Z0-9_-]*(\\.[a-z][a-zA-Z0-9_-]*)+$");

	private static final Pattern PLAIN_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

	private final JsonMapper mapper;

	private final EventCatalog catalog;

	private final EventSchemas schemas;

	/** Each payload type's reader and contract, looked up once rather than per event. */
	private final ClassValue<Binding> bindings = new ClassValue<>() {
		@Override
		protected Binding computeValue(Class<?> type) {
			return new Binding(EventCodec.this.mapper.readerFor(type), type.getAnnotation(EventType.class));
		}
	};

	/**
	 * A codec for the given catalog. Instants are always written as ISO-8601 strings and
	 * unknown properties are always ignored on read, whatever the mapper says.
	 * @throws IllegalStateException if a registered type and version has no JSON Schema
	 * under {@code dev/flux/events/schemas/} on the classpath
	 */
	public EventCodec(JsonMapper mapper, EventCatalog catalog) {
		this.mapper = mapper.rebuild()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.catalog = catalog;
		this.schemas = new EventSchemas(this.mapper, catalog);
	}

	/** A codec for {@link EventCatalog#standard()} with a default {@link JsonMapper}. */
	public static EventCodec standard() {
		return Standard.CODEC;
	}

	/** The catalog whose payload types this codec knows. */
	public EventCatalog catalog() {
		return this.catalog;
	}

	/** The envelope as UTF-8 JSON; a missing causation id is written as {@code null}. */
	public byte[] toJson(EventEnvelope envelope) {
		ObjectNode json = this.mapper.createObjectNode();
		json.put("eventId", envelope.eventId().toString());
		json.put("type", envelope.type());
		json.put("version", envelope.version());
		json.put("occurredAt", envelope.occurredAt().toString());
		json.put("producer", envelope.producer());
		json.put("aggregateId", envelope.aggregateId());
		json.put("aggregateVersion", envelope.aggregateVersion());
		json.put("correlationId", envelope.correlationId().toString());
		UUID causationId = envelope.causationId();
		if (causationId != null) {
			json.put("causationId", causationId.toString());
		}
		else {
			json.putNull("causationId");
		}
		json.set("payload", envelope.payload());
		return this.mapper.writeValueAsBytes(json);
	}

	/**
	 * Reads an envelope, ignoring unknown fields. The payload is not checked: see
	 * {@link #validate(EventEnvelope)}.
	 * @throws MalformedEventException if the bytes are not JSON or an envelope field is
	 * missing or of the wrong type
	 */
	public EventEnvelope fromJson(byte[] json) {
		JsonNode tree;
		try {
			tree = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Event is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new MalformedEventException("Event is not a JSON object");
		}
		EventEnvelope plain = plainEnvelope(tree);
		if (plain != null) {
			return plain;
		}
		List<String> violations = this.schemas.envelopeViolations(tree);
		if (!violations.isEmpty()) {
			throw new MalformedEventException("Malformed event envelope: " + String.join("; ", violations));
		}
		return new EventEnvelope(uuid(tree, "eventId"), tree.get("type").asString(), tree.get("version").asInt(),
				instant(tree, "occurredAt"), tree.get("producer").asString(), tree.get("aggregateId").asString(),
				tree.get("aggregateVersion").asLong(), uuid(tree, "correlationId"), nullableUuid(tree, "causationId"),
				tree.get("payload"));
	}

	/**
	 * Checks the payload against the JSON Schema of the envelope's type and version.
	 * Fields the schema does not name are allowed.
	 * @throws UnknownEventTypeException if the catalog does not know the type or version
	 * @throws SchemaViolationException if the payload breaks the schema
	 */
	public void validate(EventEnvelope envelope) {
		this.catalog.payloadClass(envelope.type(), envelope.version());
		List<String> violations = this.schemas.payloadViolations(envelope.type(), envelope.version(),
				envelope.payload());
		if (!violations.isEmpty()) {
			throw new SchemaViolationException(
					"Payload of " + envelope.type() + " v" + envelope.version() + " breaks its schema", violations);
		}
	}

	/**
	 * Reads the payload into the given type, ignoring fields the type does not have.
	 * @throws IllegalArgumentException if the type carries an {@link EventType} other
	 * than the envelope's type and version
	 * @throws SchemaViolationException if the payload cannot be bound to the type
	 */
	public <P> P payload(EventEnvelope envelope, Class<P> type) {
		Binding binding = this.bindings.get(type);
		EventType eventType = binding.eventType();
		if (eventType != null
				&& (!eventType.value().equals(envelope.type()) || eventType.version() != envelope.version())) {
			throw new IllegalArgumentException("Cannot read " + envelope.type() + " v" + envelope.version() + " as "
					+ type.getName() + " (" + eventType.value() + " v" + eventType.version() + ")");
		}
		try {
			return binding.reader().readValue(envelope.payload());
		}
		catch (JacksonException ex) {
			boolean sensitive = eventType != null && eventType.sensitive();
			throw new SchemaViolationException(
					"Cannot read the payload of " + envelope.type() + " v" + envelope.version() + " as "
							+ type.getSimpleName(),
					List.of(pointer(ex) + ": " + (sensitive ? "invalid value" : ex.getOriginalMessage())), ex);
		}
	}

	/** The payload record as the JSON tree that travels in an envelope. */
	public JsonNode toPayload(Object payload) {
		return this.mapper.valueToTree(payload);
	}

	/**
	 * An envelope around the payload; its type and version come from the payload's
	 * {@link EventType}. The payload is not validated: see
	 * {@link #validate(EventEnvelope)}.
	 * @throws IllegalArgumentException if the payload's class is not in the catalog
	 */
	public EventEnvelope envelope(Object payload, UUID eventId, Instant occurredAt, String producer, String aggregateId,
			long aggregateVersion, UUID correlationId, @Nullable UUID causationId) {
		EventType eventType = this.catalog.typeOf(payload.getClass());
		return new EventEnvelope(eventId, eventType.value(), eventType.version(), occurredAt, producer, aggregateId,
				aggregateVersion, correlationId, causationId, toPayload(payload));
	}

	/**
	 * The envelope when every field is plainly what the envelope schema asks for, in the
	 * form producers write it (lower-case UUIDs, {@code Instant} text): each field is
	 * checked and parsed once, where the schema's format checks parsed UUIDs and times
	 * that were parsed again here. Anything else, null, goes through the schema, which
	 * says what is wrong as before; this check accepts nothing the schema would refuse.
	 */
	private static @Nullable EventEnvelope plainEnvelope(JsonNode tree) {
		UUID eventId = plainUuid(tree.get("eventId"));
		UUID correlationId = plainUuid(tree.get("correlationId"));
		JsonNode causation = tree.get("causationId");
		boolean noCausation = causation == null || causation.isNull();
		UUID causationId = noCausation ? null : plainUuid(causation);
		Instant occurredAt = plainInstant(tree.get("occurredAt"));
		JsonNode type = tree.get("type");
		JsonNode version = tree.get("version");
		JsonNode producer = tree.get("producer");
		JsonNode aggregateId = tree.get("aggregateId");
		JsonNode aggregateVersion = tree.get("aggregateVersion");
		JsonNode payload = tree.get("payload");
		if (eventId == null || correlationId == null || (!noCausation && causationId == null) || occurredAt == null
				|| type == null || !type.isString() || !EVENT_TYPE.matcher(type.stringValue()).matches()
				|| version == null || !version.isInt() || version.intValue() < 1 || !nonEmptyString(producer)
				|| !nonEmptyString(aggregateId) || aggregateVersion == null
				|| !(aggregateVersion.isInt() || aggregateVersion.isLong()) || aggregateVersion.longValue() < 0
				|| payload == null || !payload.isObject()) {
			return null;
		}
		return new EventEnvelope(eventId, type.stringValue(), version.intValue(), occurredAt, producer.stringValue(),
				aggregateId.stringValue(), aggregateVersion.longValue(), correlationId, causationId, payload);
	}

	private static boolean nonEmptyString(@Nullable JsonNode node) {
		return node != null && node.isString() && !node.stringValue().isEmpty();
	}

	/** A lower-case 8-4-4-4-12 hex UUID, or null. */
	private static @Nullable UUID plainUuid(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		if (text.length() != 36) {
			return null;
		}
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
					: (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
			if (!ok) {
				return null;
			}
		}
		return UUID.fromString(text);
	}

	/** An RFC 3339 time with upper-case T and Z, or null. */
	private static @Nullable Instant plainInstant(@Nullable JsonNode node) {
		if (node == null || !node.isString() || !PLAIN_TIME.matcher(node.stringValue()).matches()) {
			return null;
		}
		try {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(node.stringValue(), Instant::from);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static UUID uuid(JsonNode tree, String field) {
		try {
			return UUID.fromString(tree.get(field).asString());
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedEventException("Malformed event envelope: /" + field + " is not a UUID", ex);
		}
	}

	private static @Nullable UUID nullableUuid(JsonNode tree, String field) {
		JsonNode value = tree.get(field);
		return (value == null || value.isNull()) ? null : uuid(tree, field);
	}

	private static Instant instant(JsonNode tree, String field) {
		try {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(tree.get(field).asString(), Instant::from);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException("Malformed event envelope: /" + field + " is not an ISO-8601 instant",
					ex);
		}
	}

	private static String pointer(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/')
				.append((reference.getPropertyName() != null) ? reference.getPropertyName() : reference.getIndex());
		}
		return pointer.isEmpty() ? "/" : pointer.toString();
	}

	private record Binding(ObjectReader reader, @Nullable EventType eventType) {

	}

	private static final class Standard {

		static final EventCodec CODEC = new EventCodec(JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build(), EventCatalog.standard());

	}

}
