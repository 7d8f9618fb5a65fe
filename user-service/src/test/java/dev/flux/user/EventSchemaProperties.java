package dev.flux.user;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
 * whatever the profile, status and activity endpoints accept, the {@code profile.updated}
 * events they append pass their JSON Schema, and nothing they are sent answers 5xx. Runs
 * in the same application context as the other user-service tests.
 */
class EventSchemaProperties extends UserServiceTest {

	private static final EventCodec CODEC = EventCodec.standard();

	private User user;

	@BeforeProperty
	void springContext() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
		this.http = new Http(this.port);
		this.user = newUser();
	}

	@Property(tries = 60)
	void whatAProfileEditAcceptsItsEventsAccept(@ForAll("texts") String displayName, @ForAll("texts") String bio,
			@ForAll("texts") String statusText, @ForAll("instants") Instant expiresAt,
			@ForAll("statuses") String status) {
		Map<String, Object> customStatus = new HashMap<>();
		customStatus.put("text", statusText);
		customStatus.put("expiresAt", expiresAt.toString());

		int edited = this.http
			.patch("/api/users/me/profile",
					Map.of("displayName", displayName, "bio", bio, "customStatus", customStatus), this.user.token())
			.status();
		int chosen = this.http.put("/api/users/me/status", Map.of("status", status), this.user.token()).status();

		assertThat(edited).isIn(200, 400, 412);
		assertThat(chosen).isIn(200, 400);
		assertEventsPassTheirSchemas(this.user.id());
	}

	@Property(tries = 60)
	void whatAnActivityAcceptsItsEventsAccept(@ForAll("texts") String name, @ForAll("texts") String details,
			@ForAll("instants") Instant startedAt, @ForAll("instants") Instant endsAt) {
		Http.Reply added = this.http.post("/api/users/me/activities", Map.of("type", "playing", "name", name, "details",
				details, "startedAt", startedAt.toString(), "endsAt", endsAt.toString()), this.user.token());

		assertThat(added.status()).as(added.body()).isIn(201, 400, 409);
		if (added.status() == 201) {
			this.http.delete("/api/users/me/activities/" + added.json("$.id"), null, this.user.token());
		}
		assertThat(
				this.http.get("/api/users/" + this.user.id(), TOKENS.accessToken(UUID.randomUUID(), "USER")).status())
			.isIn(200, 404);
		assertEventsPassTheirSchemas(this.user.id());
	}

	/**
	 * Any text but NUL, which PostgreSQL cannot store: refusing it is the business of the
	 * shared request validation, and {@code ApiFuzzTests} sends it everywhere.
	 */
	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(40).excludeChars('\u0000'),
				Arbitraries.strings().all().ofMaxLength(200).excludeChars('\u0000'),
				Arbitraries.of("\uD83D\uDE00", "\u202Eabc", "a\u0301"));
	}

	@Provide
	Arbitrary<Instant> instants() {
		return Arbitraries.oneOf(
				Arbitraries.longs()
					.between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
							Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond())
					.map(Instant::ofEpochSecond),
				Arbitraries.longs()
					.between(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 86_400L * 365)
					.map(Instant::ofEpochSecond),
				Arbitraries.of(Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("+10000-01-01T00:00:00Z")));
	}

	@Provide
	Arbitrary<String> statuses() {
		return Arbitraries.of("online", "idle", "dnd", "invisible", "offline");
	}

	private void assertEventsPassTheirSchemas(UUID userId) {
		this.jdbc.sql("SELECT envelope::text FROM flux_events.outbox_events WHERE aggregate_id = ? AND NOT sensitive")
			.param(userId.toString())
			.query(String.class)
			.list()
			.forEach((envelope) -> CODEC.validate(CODEC.fromJson(envelope.getBytes())));
	}

}
