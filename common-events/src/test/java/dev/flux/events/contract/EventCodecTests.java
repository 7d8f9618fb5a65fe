package dev.flux.events.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;
import dev.flux.events.NonRetryableEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class EventCodecTests {

	private static final UUID EVENT_ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

	private static final UUID CORRELATION_ID = UUID.fromString("66666666-7777-4888-8999-aaaaaaaaaaaa");

	private static final UUID CAUSATION_ID = UUID.fromString("bbbbbbbb-cccc-4ddd-8eee-ffffffffffff");

	private final EventCodec codec = EventCodec.standard();

	@Test
	void envelopeTakesTypeAndVersionFromTheEventTypeAnnotation() {
		EventEnvelope envelope = this.codec.envelope(new UserDeleted(ContractSamples.USER_ID), EVENT_ID,
				Instant.parse("2026-01-01T00:00:00Z"), "auth-service", ContractSamples.USER_ID.toString(), 3,
				CORRELATION_ID, null);

		assertThat(envelope.type()).isEqualTo("user.deleted");
		assertThat(envelope.version()).isEqualTo(1);
		assertThat(envelope.eventId()).isEqualTo(EVENT_ID);
		assertThat(envelope.aggregateVersion()).isEqualTo(3);
		assertThat(envelope.causationId()).isNull();
		assertThat(envelope.payload().get("userId").asString()).isEqualTo(ContractSamples.USER_ID.toString());
	}

	@Test
	void envelopeRejectsPayloadOutsideTheCatalog() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.envelope(new Unregistered("x"), EVENT_ID, Instant.now(), "auth-service", "1",
					1, CORRELATION_ID, null))
			.withMessageContaining("not registered");
	}

	@Test
	void writesTheEnvelopeOnTheWireFormat() {
		EventEnvelope envelope = this.codec.envelope(new UserDeleted(ContractSamples.USER_ID), EVENT_ID,
				Instant.parse("2026-01-01T00:00:00.123Z"), "auth-service", "agg-1", 5, CORRELATION_ID, CAUSATION_ID);

		JsonNode json = ContractSamples.MAPPER.readTree(this.codec.toJson(envelope));

		assertThat(json.get("eventId").asString()).isEqualTo(EVENT_ID.toString());
		assertThat(json.get("type").asString()).isEqualTo("user.deleted");
		assertThat(json.get("version").isInt()).isTrue();
		assertThat(json.get("occurredAt").asString()).isEqualTo("2026-01-01T00:00:00.123Z");
		assertThat(json.get("producer").asString()).isEqualTo("auth-service");
		assertThat(json.get("aggregateId").asString()).isEqualTo("agg-1");
		assertThat(json.get("aggregateVersion").asLong()).isEqualTo(5);
		assertThat(json.get("correlationId").asString()).isEqualTo(CORRELATION_ID.toString());
		assertThat(json.get("causationId").asString()).isEqualTo(CAUSATION_ID.toString());
		assertThat(json.get("payload").get("userId").asString()).isEqualTo(ContractSamples.USER_ID.toString());
	}

	@Test
	void writesMissingCausationAsNull() {
		EventEnvelope envelope = this.codec.envelope(new UserDeleted(ContractSamples.USER_ID), EVENT_ID,
				Instant.parse("2026-01-01T00:00:00Z"), "auth-service", "agg-1", 1, CORRELATION_ID, null);

		JsonNode json = ContractSamples.MAPPER.readTree(this.codec.toJson(envelope));

		assertThat(json.has("causationId")).isTrue();
		assertThat(json.get("causationId").isNull()).isTrue();
	}

	@Test
	void readsBackWhatItWrites() {
		EventEnvelope envelope = ContractSamples.envelopeOf(ContractSamples.sample(ProfileUpdated.class));

		assertThat(this.codec.fromJson(this.codec.toJson(envelope))).isEqualTo(envelope);
	}

	@Test
	void keepsTheWireFormatWhateverTheGivenMapperSays() {
		JsonMapper strict = JsonMapper.builder()
			.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		EventCodec codec = new EventCodec(strict, EventCatalog.standard());
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.put("unknownEnvelopeField", true);
		((ObjectNode) tree.get("payload")).put("unknownPayloadField", "x");

		EventEnvelope envelope = codec.fromJson(ContractSamples.json(tree));

		assertThat(codec.payload(envelope, UserCreated.class))
			.isEqualTo(ContractSamples.expectedExample(UserCreated.class));
		assertThat(ContractSamples.MAPPER.readTree(codec.toJson(envelope)).get("occurredAt").asString())
			.isEqualTo("2026-01-01T00:00:00Z");
	}

	@Test
	void readsEnvelopeIgnoringUnknownFields() {
		ObjectNode tree = ContractSamples.exampleTree(UserDeleted.class);
		tree.put("shard", 12);
		tree.putObject("tracing").put("traceparent", "00-abc-def-01");

		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThat(envelope.type()).isEqualTo("user.deleted");
		assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-01-03T12:00:00Z"));
	}

	@Test
	void readsEnvelopeWithoutCausationId() {
		ObjectNode tree = ContractSamples.exampleTree(UserDeleted.class);
		tree.remove("causationId");

		assertThat(this.codec.fromJson(ContractSamples.json(tree)).causationId()).isNull();
	}

	@Test
	void readsOccurredAtWithAnOffset() {
		ObjectNode tree = ContractSamples.exampleTree(UserDeleted.class);
		tree.put("occurredAt", "2026-01-03T14:00:00+02:00");

		assertThat(this.codec.fromJson(ContractSamples.json(tree)).occurredAt())
			.isEqualTo(Instant.parse("2026-01-03T12:00:00Z"));
	}

	@Test
	void readsPayloadIgnoringUnknownFields() {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		ObjectNode payload = (ObjectNode) tree.get("payload");
		payload.put("locale", "en-GB");
		payload.putObject("marketing").put("optIn", false);

		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThatNoException().isThrownBy(() -> this.codec.validate(envelope));
		assertThat(this.codec.payload(envelope, UserCreated.class))
			.isEqualTo(ContractSamples.expectedExample(UserCreated.class));
	}

	@Test
	void readsAbsentNullablePayloadFieldsAsNull() {
		ObjectNode tree = ContractSamples.exampleTree(ProfileUpdated.class);
		((ObjectNode) tree.get("payload")).remove("displayName");

		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThatNoException().isThrownBy(() -> this.codec.validate(envelope));
		assertThat(this.codec.payload(envelope, ProfileUpdated.class).displayName()).isNull();
	}

	@Test
	void readsAProfileUpdatedOfAProducerThatPredatesCustomStatusAndActivities() {
		ObjectNode tree = ContractSamples.exampleTree(ProfileUpdated.class);
		ObjectNode payload = (ObjectNode) tree.get("payload");
		payload.remove("customStatus");
		payload.remove("activities");
		payload.putArray("changedFields").add("displayName");

		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThatNoException().isThrownBy(() -> this.codec.validate(envelope));
		ProfileUpdated updated = this.codec.payload(envelope, ProfileUpdated.class);
		assertThat(updated.displayName()).isEqualTo("Ada Lovelace");
		assertThat(updated.customStatus()).isNull();
		assertThat(updated.activities()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "eventId", "type", "version", "occurredAt", "producer", "aggregateId", "aggregateVersion",
			"correlationId", "payload" })
	void rejectsEnvelopeMissingARequiredField(String field) {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.remove(field);

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.fromJson(ContractSamples.json(tree)))
			.withMessageContaining("'" + field + "'");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			eventId          | 42
			eventId          | "not-a-uuid"
			type             | 7
			type             | "UserCreated"
			version          | "1"
			version          | 1.5
			version          | 0
			occurredAt       | "yesterday"
			occurredAt       | 1767225600
			producer         | null
			producer         | ""
			aggregateId      | {}
			aggregateVersion | "1"
			aggregateVersion | -1
			correlationId    | "123"
			causationId      | 5
			causationId      | "not-a-uuid"
			payload          | "payload"
			payload          | null
			payload          | []
			""")
	void rejectsEnvelopeFieldOfTheWrongType(String field, String json) {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.set(field, ContractSamples.MAPPER.readTree(json));

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.fromJson(ContractSamples.json(tree)))
			.withMessageContaining("/" + field)
			.isInstanceOf(NonRetryableEventException.class);
	}

	/**
	 * The codec reads a plain envelope without the envelope schema: whatever it accepts,
	 * the schema must accept too, with the same values as through the schema.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			eventId          | "11111111-2222-4333-8444-555555555555"
			eventId          | "11111111-2222-4333-8444-55555555555G"
			eventId          | "11111111-2222-4333-8444-5555555555555"
			eventId          | "11111111+2222-4333-8444-555555555555"
			eventId          | "11111111-2222-4333-8444-55555555555"
			eventId          | "1-1-1-1-1"
			type             | "user.created"
			type             | "user"
			type             | "user.Created"
			type             | "user..created"
			type             | "a.b-c_D9.x"
			type             | "user."
			type             | ".user.created"
			type             | "user.created!"
			version          | 1.0
			version          | 2147483648
			occurredAt       | "2026-01-01T00:00:00Z"
			occurredAt       | "2026-01-01T00:00:00.123456789+02:00"
			occurredAt       | "2026-01-01T00:00:00.1234567891Z"
			occurredAt       | "2026-01-01T00:00Z"
			occurredAt       | "2026-02-30T00:00:00Z"
			occurredAt       | "2026-01-01T24:00:00Z"
			occurredAt       | "2026-01-01T00:00:00+24:00"
			occurredAt       | "2026-01-01 00:00:00Z"
			occurredAt       | "2026-01-01t00:00:00z"
			occurredAt       | "2016-12-31T23:59:60Z"
			occurredAt       | "2026-01-01T00:00:00.Z"
			occurredAt       | "2026-01-01T00:00:00+02:00 "
			occurredAt       | "2026-01-01T00:00:00+0200"
			eventId          | "11111111-2222-4333-8444-55555555555A"
			eventId          | "ffffffff-ffff-ffff-ffff-ffffffffffff"
			producer         | " "
			aggregateVersion | 0
			aggregateVersion | 9223372036854775807
			aggregateVersion | 9223372036854775808
			aggregateVersion | 1.0
			causationId      | null
			payload          | {}
			""")
	void acceptsOnlyWhatTheEnvelopeSchemaAcceptsAndReadsItTheSame(String field, String json) {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.set(field, ContractSamples.MAPPER.readTree(json));
		EventSchemas schemas = new EventSchemas(ContractSamples.MAPPER, EventCatalog.standard());

		EventEnvelope read;
		try {
			read = this.codec.fromJson(ContractSamples.json(tree));
		}
		catch (MalformedEventException ex) {
			return;
		}
		assertThat(schemas.envelopeViolations(tree)).as("what the schema says of %s", json).isEmpty();
		assertThat(read.eventId().toString()).isEqualTo(tree.get("eventId").asString().toLowerCase(Locale.ROOT));
		assertThat(read.type()).isEqualTo(tree.get("type").asString());
		assertThat(read.version()).isEqualTo(tree.get("version").asInt());
		assertThat(read.occurredAt())
			.isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(tree.get("occurredAt").asString(), Instant::from));
		assertThat(read.producer()).isEqualTo(tree.get("producer").asString());
		assertThat(read.aggregateVersion()).isEqualTo(tree.get("aggregateVersion").asLong());
		assertThat(read.payload()).isEqualTo(tree.get("payload"));
	}

	/**
	 * The codec reads a plain time from its fixed positions rather than with
	 * {@code ISO_OFFSET_DATE_TIME}: every time that formatter reads is read to the same
	 * instant.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.1Z", "2026-01-01T00:00:00.12+01:00",
			"2026-06-30T23:59:59.999999999Z", "2026-01-01T00:00:00.000001-00:30", "2024-02-29T12:34:56+05:45",
			"2026-01-01T00:00:00+18:00", "2026-01-01T00:00:00-18:00", "2026-01-01T00:00:00-00:00",
			"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5-11:30" })
	void readsEveryPlainTimeAsTheIsoFormatterDoes(String time) {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.put("occurredAt", time);

		assertThat(this.codec.fromJson(ContractSamples.json(tree)).occurredAt())
			.isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(time, Instant::from));
	}

	/**
	 * A time of the plain shape with a field out of range is refused, with the field
	 * named, as when the ISO formatter read it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2025-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
			"2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60.5Z",
			"2026-01-01T00:00:00+18:01", "2026-01-01T00:00:00-19:00", "2026-01-01T00:00:00+05:60" })
	void rejectsAPlainTimeWithAFieldOutOfRange(String time) {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.put("occurredAt", time);

		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.fromJson(ContractSamples.json(tree)))
			.withMessageContaining("/occurredAt");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"eventId\": ", "not json", "", "[]", "null", "\"event\"", "{} {}" })
	void rejectsWhatIsNotAJsonObject(String json) {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.codec.fromJson(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void validateRejectsAnUnknownType() {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.put("type", "server.archived");
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> this.codec.validate(envelope))
			.withMessageContaining("server.archived")
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("server.archived"));
	}

	@Test
	void validateRejectsAnUnknownVersion() {
		ObjectNode tree = ContractSamples.exampleTree(UserCreated.class);
		tree.put("version", 2);
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.json(tree));

		assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> this.codec.validate(envelope))
			.withMessageContaining("version 2")
			.satisfies((ex) -> assertThat(ex.version()).isEqualTo(2));
	}

	@Test
	void validateRejectsAPayloadMissingARequiredField() {
		EventEnvelope envelope = withPayload(UserCreated.class, (payload) -> payload.remove("email"));

		assertThatExceptionOfType(SchemaViolationException.class).isThrownBy(() -> this.codec.validate(envelope))
			.withMessageContaining("user.created v1")
			.withMessageContaining("'email'")
			.satisfies((ex) -> assertThat(ex.violations()).hasSize(1));
	}

	@Test
	void validateListsEveryViolation() {
		EventEnvelope envelope = withPayload(UserUpdated.class, (payload) -> {
			payload.put("userId", "not-a-uuid");
			payload.put("email", "not an email");
			payload.put("emailVerified", "yes");
			payload.putArray("changedFields").add("password");
		});

		assertThatExceptionOfType(SchemaViolationException.class).isThrownBy(() -> this.codec.validate(envelope))
			.satisfies((ex) -> assertThat(ex.violations()).hasSize(4)
				.anySatisfy((violation) -> assertThat(violation).startsWith("/userId: ").contains("uuid"))
				.anySatisfy((violation) -> assertThat(violation).startsWith("/email: ").contains("email"))
				.anySatisfy((violation) -> assertThat(violation).startsWith("/emailVerified: ").contains("boolean"))
				.anySatisfy((violation) -> assertThat(violation).startsWith("/changedFields/0: ")));
	}

	/**
	 * The payload schemas' {@code uuid} format is checked without the validator's regular
	 * expression, to the same rule: hex digits of either case, 8-4-4-4-12, nothing else.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			11111111-2222-4333-8444-555555555555  | true
			AAAAAAAA-bbbb-4CcC-8ddd-EEEEEEEEEEEE  | true
			11111111-2222-4333-8444-55555555555G  | false
			11111111-2222-4333-8444-5555555555555 | false
			11111111-2222-4333-8444-55555555555   | false
			11111111+2222-4333-8444-555555555555  | false
			111111112-222-4333-8444-555555555555  | false
			'{11111111-2222-4333-8444-55555555555}' | false
			11111111-2222-4333-8444-55555555555٣ | false
			''                                    | false
			""")
	void validateHoldsPayloadUuidsToTheUuidFormat(String userId, boolean valid) {
		EventEnvelope envelope = withPayload(UserDeleted.class, (payload) -> payload.put("userId", userId));

		if (valid) {
			this.codec.validate(envelope);
		}
		else {
			assertThatExceptionOfType(SchemaViolationException.class).isThrownBy(() -> this.codec.validate(envelope))
				.satisfies((ex) -> assertThat(ex.violations())
					.containsExactly("/userId: does not match the uuid pattern must be a valid RFC 4122 UUID"));
		}
	}

	@Test
	void validateRejectsEmptyChangedFields() {
		EventEnvelope envelope = withPayload(ProfileUpdated.class, (payload) -> payload.putArray("changedFields"));

		assertThatExceptionOfType(SchemaViolationException.class).isThrownBy(() -> this.codec.validate(envelope))
			.withMessageContaining("/changedFields");
	}

	@Test
	void validateRejectsAPayloadThatIsNotAnObject() {
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.example(UserDeleted.class));
		EventEnvelope broken = new EventEnvelope(envelope.eventId(), envelope.type(), envelope.version(),
				envelope.occurredAt(), envelope.producer(), envelope.aggregateId(), envelope.aggregateVersion(),
				envelope.correlationId(), envelope.causationId(), ContractSamples.MAPPER.readTree("[1]"));

		assertThatExceptionOfType(SchemaViolationException.class).isThrownBy(() -> this.codec.validate(broken))
			.withMessageContaining("/: ");
	}

	@Test
	void payloadRejectsWhatCannotBeBound() {
		EventEnvelope envelope = withPayload(UserCreated.class, (payload) -> payload.put("userId", "not-a-uuid"));

		assertThatExceptionOfType(SchemaViolationException.class)
			.isThrownBy(() -> this.codec.payload(envelope, UserCreated.class))
			.withMessageContaining("/userId")
			.isInstanceOf(NonRetryableEventException.class);
	}

	@Test
	void payloadRejectsAMissingRequiredField() {
		EventEnvelope envelope = withPayload(UserCreated.class, (payload) -> payload.remove("username"));

		assertThatExceptionOfType(SchemaViolationException.class)
			.isThrownBy(() -> this.codec.payload(envelope, UserCreated.class))
			.withMessageContaining("username");
	}

	@Test
	void payloadRejectsChangedFieldsTheRecordDoesNotKnow() {
		EventEnvelope envelope = withPayload(UserUpdated.class,
				(payload) -> payload.putArray("changedFields").add("password"));

		assertThatExceptionOfType(SchemaViolationException.class)
			.isThrownBy(() -> this.codec.payload(envelope, UserUpdated.class))
			.withMessageContaining("password");
	}

	@Test
	void payloadRefusesARecordOfAnotherEventType() {
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.example(UserCreated.class));

		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.payload(envelope, UserDeleted.class))
			.withMessageContaining("user.deleted");
	}

	@Test
	void payloadReadsIntoAConsumersOwnView() {
		EventEnvelope envelope = this.codec.fromJson(ContractSamples.example(UserUpdated.class));

		assertThat(this.codec.payload(envelope, EmailView.class))
			.isEqualTo(new EmailView(ContractSamples.USER_ID, "ada.lovelace@example.com"));
	}

	@Test
	void toPayloadWritesChangedFieldsInAStableOrder() {
		JsonNode payload = this.codec.toPayload(new ProfileUpdated(ContractSamples.USER_ID,
				Set.of("status", "bio", "avatarUrl"), null, null, null, "online"));

		assertThat(payload.get("changedFields").valueStream().map(JsonNode::asString)).containsExactly("avatarUrl",
				"bio", "status");
		assertThat(payload.get("displayName").isNull()).isTrue();
	}

	@Test
	void refusesACatalogEntryWithoutSchema() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new EventCodec(JsonMapper.builder().build(), EventCatalog.of(Unregistered.class)))
			.withMessageContaining("dev/flux/events/schemas/test.unregistered.v3.schema.json");
	}

	private EventEnvelope withPayload(Class<?> payloadClass, Consumer<ObjectNode> change) {
		ObjectNode tree = ContractSamples.exampleTree(payloadClass);
		change.accept((ObjectNode) tree.get("payload"));
		return this.codec.fromJson(ContractSamples.json(tree));
	}

	@EventType(value = "test.unregistered", version = 3)
	record Unregistered(String value) {
	}

	record EmailView(UUID userId, String email) {
	}

}
