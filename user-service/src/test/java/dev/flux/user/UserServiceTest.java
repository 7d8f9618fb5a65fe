package dev.flux.user;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.events.EventEnvelope;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.testsupport.WithFluxInfrastructure;
import dev.flux.testsupport.Http;

import static org.awaitility.Awaitility.await;

/**
 * The user-service on a random port against the real PostgreSQL and RabbitMQ, trusting a
 * test issuer's access tokens; one context shared by every test class that extends this.
 * Events come in as their producers send them: an envelope published to
 * {@code app.events} under its type.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
abstract class UserServiceTest {

	static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final JwksServer AUTH = JwksServer.start();

	static final TestTokens TOKENS = AUTH.newSigningKey();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventCodec codec;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	Http http;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	/** A user registered at auth-service (its {@code user.created}), with a token. */
	User newUser() {
		return newUser("u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
	}

	User newUser(String username) {
		UUID id = UUID.randomUUID();
		publish(new UserCreated(id, username, username + "@example.com", false), id, 1);
		User user = new User(id, username, TOKENS.accessToken(id, "USER"));
		await().atMost(PATIENCE).until(() -> this.http.get("/api/users/me", user.token()).status() == 200);
		return user;
	}

	/** Publishes an event as its producer does; the envelope it sent. */
	EventEnvelope publish(Object payload, UUID aggregateId, long aggregateVersion) {
		EventEnvelope envelope = this.codec.envelope(payload, UUID.randomUUID(), Instant.now(), "auth-service",
				aggregateId.toString(), aggregateVersion, UUID.randomUUID(), null);
		send(envelope.type(), this.codec.toJson(envelope), envelope.eventId());
		return envelope;
	}

	/** Sends a message body to {@code app.events} with the properties the relay sets. */
	void send(String routingKey, byte[] body, UUID messageId) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId.toString());
		properties.setType(routingKey);
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		this.rabbit.send(FluxTopology.EVENTS_EXCHANGE, routingKey, new Message(body, properties));
	}

	/** Whether the user queue's consumer committed the event (applied or dropped). */
	boolean handled(UUID eventId) {
		return this.jdbc.sql("select count(*) from flux_events.inbox where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() > 0;
	}

	long profileVersion(UUID userId) {
		return this.jdbc.sql("select version from user_profiles where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	EventTap tap(UUID userId) {
		return new EventTap(this.admin, this.rabbit, userId, "profile.updated");
	}

	/** A tap of the user's events of one routing key. */
	EventTap tap(UUID userId, String routingKey) {
		return new EventTap(this.admin, this.rabbit, userId, routingKey);
	}

	/** A user the service knows, and an access token of theirs. */
	record User(UUID id, String username, String token) {

	}

}
