package dev.flux.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

import dev.flux.events.contract.EventCodec;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties (jqwik) that hold the HTTP validation and the event schemas to one another:
 * whatever an event-emitting endpoint accepts, the events it appends pass their JSON
 * Schemas, and nothing it is sent answers 5xx. Runs in the same application context as
 * the other auth-service tests (Spring's test context, prepared for jqwik's instances).
 */
class EventSchemaProperties extends AuthServiceTest {

	private static final EventCodec CODEC = EventCodec.standard();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@BeforeProperty
	void springContext() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
		this.http = new Http(this.port);
	}

	@Property(tries = 40)
	void whatRegistrationAcceptsItsEventsAccept(@ForAll("addresses") String email) {
		String username = "p" + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 8);

		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", email, "username", username, "password", PASSWORD));

		assertThat(reply.status()).as("%s -> %s", email, reply.body()).isIn(201, 400, 409, 429);
		if (reply.status() == 201) {
			assertEventsPassTheirSchemas(UUID.fromString(reply.json("$.account.id")));
		}
	}

	@Property(tries = 25)
	void whatAnAccountChangeAcceptsItsEventsAccept(@ForAll("addresses") String email,
			@ForAll("usernames") String username) {
		Account account = register();

		Http.Reply reply = this.http.patch("/api/auth/me",
				Map.of("email", email, "username", username, "currentPassword", PASSWORD), account.accessToken());

		assertThat(reply.status()).as("%s, %s -> %s", email, username, reply.body()).isIn(200, 202, 400, 409, 429);
		assertEventsPassTheirSchemas(account.id());
	}

	/** Addresses of many shapes, most of them ones a person could type. */
	@Provide
	Arbitrary<String> addresses() {
		Arbitrary<String> local = Arbitraries.strings()
			.withChars("abcXYZ0189.!#$%&'*+/=?^_`{|}~-")
			.ofMinLength(1)
			.ofMaxLength(70);
		Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(1).ofMaxLength(64);
		Arbitrary<String> tld = Arbitraries.oneOf(
				Arbitraries.of("com", "test", "local", "internal", "c", "museum", "xn--p1ai", "co", "a1", "localhost"),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(64));
		Arbitrary<String> domain = Combinators.combine(label.list().ofMinSize(0).ofMaxSize(4), tld)
			.as((labels, top) -> String.join(".", labels) + (labels.isEmpty() ? "" : ".") + top);
		Arbitrary<String> typed = Combinators.combine(local, domain).as((user, host) -> user + "@" + host);
		Arbitrary<String> odd = Arbitraries.strings().ofMaxLength(40).map((text) -> text + "@example.com");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, typed),
				net.jqwik.api.Tuple.of(1, typed.map((address) -> " " + address.toUpperCase() + " ")),
				net.jqwik.api.Tuple.of(1, odd));
	}

	@Provide
	Arbitrary<String> usernames() {
		return Arbitraries.strings()
			.withChars("abcXYZ019_.")
			.ofMinLength(1)
			.ofMaxLength(34)
			.map((name) -> name + (SEQUENCE.incrementAndGet() % 1000));
	}

	private void assertEventsPassTheirSchemas(UUID userId) {
		this.jdbc.sql("SELECT envelope::text FROM flux_events.outbox_events WHERE aggregate_id = ? AND NOT sensitive")
			.param(userId.toString())
			.query(String.class)
			.list()
			.forEach((envelope) -> CODEC.validate(CODEC.fromJson(envelope.getBytes())));
	}

}
