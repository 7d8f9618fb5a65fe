package dev.flux.events.contract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

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
				|| type == null || !type.isString() || !plainType(type.stringValue()) || version == null
				|| !version.isInt() || version.intValue() < 1 || !nonEmptyString(producer)
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

	/**
	 * Whether the type has the envelope schema's pattern
	 * {@code ^[a-z][a-zA-Z0-9_-]*(\.[a-z][a-zA-Z0-9_-]*)+$}, checked without a regular
	 * expression.
	 */
	private static boolean plainType(String type) {
		int segments = 0;
		boolean segmentStart = true;
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (segmentStart) {
				if (c < 'a' || c > 'z') {
					return false;
				}
				segmentStart = false;
				segments++;
			}
			else if (c == '.') {
				segmentStart = true;
			}
			else if (!(isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-')) {
				return false;
			}
		}
		return !segmentStart && segments >= 2;
	}

	/**
	 * A lower-case 8-4-4-4-12 hex UUID, or null; its bits are read in the same pass
	 * rather than by parsing the text again.
	 */
	private static @Nullable UUID plainUuid(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		if (text.length() != 36) {
			return null;
		}
		long high = 0;
		long low = 0;
		int nibbles = 0;
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			if (i == 8 || i == 13 || i == 18 || i == 23) {
				if (c != '-') {
					return null;
				}
				continue;
			}
			int nibble = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
			if (nibble < 0) {
				return null;
			}
			if (nibbles++ < 16) {
				high = (high << 4) | nibble;
			}
			else {
				low = (low << 4) | nibble;
			}
		}
		return new UUID(high, low);
	}

	/**
	 * An RFC 3339 time with upper-case T and Z ({@code yyyy-MM-ddTHH:mm:ss}, 1-9 digits
	 * of fraction, {@code Z} or {@code +HH:mm}), or null. Read from its fixed positions,
	 * where {@code ISO_OFFSET_DATE_TIME} built a map of fields per event; a field out of
	 * range (month 13, February 30, hour 24, offset +19:00) is null, as that formatter
	 * refused it.
	 */
	private static @Nullable Instant plainInstant(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String text = node.stringValue();
		int offsetAt = plainTimeOffset(text);
		if (offsetAt < 0) {
			return null;
		}
		int nanos = 0;
		if (text.charAt(19) == '.') {
			nanos = digits(text, 20, offsetAt - 20);
			for (int digits = offsetAt - 20; digits < 9; digits++) {
				nanos *= 10;
			}
		}
		try {
			ZoneOffset offset = ZoneOffset.UTC;
			if (text.charAt(offsetAt) != 'Z') {
				int sign = (text.charAt(offsetAt) == '-') ? -1 : 1;
				offset = ZoneOffset.ofHoursMinutes(sign * digits(text, offsetAt + 1, 2),
						sign * digits(text, offsetAt + 4, 2));
			}
			return LocalDateTime
				.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2), digits(text, 11, 2),
						digits(text, 14, 2), digits(text, 17, 2), nanos)
				.toInstant(offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Where the offset of a plain time starts, or -1 when the text does not have that
	 * shape: {@code \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})}.
	 */
	private static int plainTimeOffset(String text) {
		int length = text.length();
		if (length < 20) {
			return -1;
		}
		for (int i = 0; i < 19; i++) {
			char c = text.charAt(i);
			boolean ok = switch (i) {
				case 4, 7 -> c == '-';
				case 10 -> c == 'T';
				case 13, 16 -> c == ':';
				default -> isDigit(c);
			};
			if (!ok) {
				return -1;
			}
		}
		int at = 19;
		if (text.charAt(at) == '.') {
			at++;
			while (at < length && isDigit(text.charAt(at))) {
				at++;
			}
			if (at == 20 || at > 29) {
				return -1;
			}
		}
		if (at == length - 1 && text.charAt(at) == 'Z') {
			return at;
		}
		boolean numericOffset = at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
				&& isDigit(text.charAt(at + 1)) && isDigit(text.charAt(at + 2)) && text.charAt(at + 3) == ':'
				&& isDigit(text.charAt(at + 4)) && isDigit(text.charAt(at + 5));
		return numericOffset ? at : -1;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * The number written as {@code length} ASCII digits at {@code from}, already checked.
	 */
	private static int digits(String text, int from, int length) {
		int value = 0;
		for (int i = from; i < from + length; i++) {
			value = value * 10 + (text.charAt(i) - '0');
		}
		return value;
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
