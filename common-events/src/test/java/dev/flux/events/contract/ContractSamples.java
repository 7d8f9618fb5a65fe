package dev.flux.events.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of every standard payload, and the values the hand-written examples under
 * {@code examples/} hold.
 */
final class ContractSamples {

	static final UUID USER_ID = UUID.fromString("5d1c2b7a-3e4f-4a6b-8c9d-0e1f2a3b4c5d");

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Map<Class<?>, Object> SAMPLES = Map.of(UserCreated.class,
			new UserCreated(USER_ID, "grace", "grace@example.org", true), UserUpdated.class,
			new UserUpdated(USER_ID, Set.of("username"), "grace.hopper", "grace@example.org", true), UserDeleted.class,
			new UserDeleted(USER_ID), ProfileUpdated.class, new ProfileUpdated(USER_ID, Set.of("bio", "status"),
					"Grace", null, "Rear admiral, compiler author", "online"));

	private static final Map<Class<?>, Object> EXAMPLES = Map.of(UserCreated.class,
			new UserCreated(USER_ID, "ada", "ada@example.com", false), UserUpdated.class,
			new UserUpdated(USER_ID, Set.of("email", "emailVerified"), "ada", "ada.lovelace@example.com", true),
			UserDeleted.class, new UserDeleted(USER_ID), ProfileUpdated.class,
			new ProfileUpdated(USER_ID, Set.of("displayName", "avatarUrl"), "Ada Lovelace",
					"https://cdn.example.com/avatars/ada.png", null, null));

	private ContractSamples() {
	}

	static Object sample(Class<?> payloadClass) {
		assertThat(SAMPLES).as("sample payloads").containsKey(payloadClass);
		return SAMPLES.get(payloadClass);
	}

	static Object expectedExample(Class<?> payloadClass) {
		assertThat(EXAMPLES).as("expected values of the examples").containsKey(payloadClass);
		return EXAMPLES.get(payloadClass);
	}

	static EventEnvelope envelopeOf(Object payload) {
		return EventCodec.standard()
			.envelope(payload, UUID.randomUUID(), Instant.parse("2026-03-04T05:06:07.089Z"), "auth-service",
					USER_ID.toString(), 7, UUID.randomUUID(), UUID.randomUUID());
	}

	static byte[] example(Class<?> payloadClass) {
		EventType eventType = EventCatalog.standard().typeOf(payloadClass);
		String name = "examples/" + eventType.value() + ".v" + eventType.version() + ".json";
		try (InputStream in = ContractSamples.class.getResourceAsStream(name)) {
			assertThat(in).as("test resource dev/flux/events/contract/" + name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ObjectNode exampleTree(Class<?> payloadClass) {
		return (ObjectNode) MAPPER.readTree(example(payloadClass));
	}

	static byte[] json(ObjectNode tree) {
		return MAPPER.writeValueAsBytes(tree);
	}

}
