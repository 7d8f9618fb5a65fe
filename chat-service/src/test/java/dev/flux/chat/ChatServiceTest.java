package dev.flux.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
import dev.flux.events.contract.PrivacyUpdated;
import dev.flux.events.contract.UserCreated;
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.Http;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.testsupport.WithFluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat-service on a random port against the real PostgreSQL and RabbitMQ, trusting a
 * test issuer's access tokens; one context shared by every test class that extends this.
 * Users come in as auth-service announces them: {@code user.created} on
 * {@code app.events}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
public abstract class ChatServiceTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final JwksServer AUTH = JwksServer.start();

	protected static final TestTokens TOKENS = AUTH.newSigningKey();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected EventCodec codec;

	@Autowired
	protected RabbitTemplate rabbit;

	@Autowired
	protected AmqpAdmin admin;

	protected Http http;

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
	protected User newUser() {
		String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		UUID id = UUID.randomUUID();
		publish(new UserCreated(id, username, username + "@example.com", false), id, 1);
		await().atMost(PATIENCE).until(() -> known(id));
		return new User(id, username, TOKENS.accessToken(id, "USER"));
	}

	protected boolean known(UUID userId) {
		return this.jdbc.sql("select count(*) from chat_users where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	/** A server {@code owner} created: its id and its general channel's id. */
	protected Server newServer(User owner) {
		Http.Reply created = this.http.post("/api/servers", Map.of("name", "Server of " + owner.username()),
				owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Server(created.json("$.server.id"), created.json("$.channels[0].id"));
	}

	/** {@code user} joins {@code server} through an invite its owner made. */
	protected void join(User owner, Server server, User user) {
		Http.Reply invite = this.http.post("/api/channels/" + server.general() + "/invites", Map.of(), owner.token());
		assertThat(invite.status()).as(invite.body()).isEqualTo(201);
		Http.Reply joined = this.http.post("/api/invites/" + invite.json("$.code"), Map.of(), user.token());
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
	}

	/**
	 * Sets the user's privacy settings as user-service announces them
	 * ({@code profile.privacy_updated}) and waits until the chat applied them.
	 */
	protected void privacy(User user, boolean allowDirectMessages, boolean allowFriendRequests, long version) {
		EventEnvelope sent = publish(new PrivacyUpdated(user.id(), allowDirectMessages, allowFriendRequests, true),
				user.id(), version);
		await().atMost(PATIENCE).until(() -> handled(sent.eventId()));
	}

	/** {@code a} and {@code b} become friends: a request and its acceptance. */
	protected void befriend(User a, User b) {
		Http.Reply sent = this.http.put("/api/users/me/relationships/" + b.id(), Map.of(), a.token());
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		Http.Reply accepted = this.http.post("/api/users/me/relationships/" + a.id() + "/accept", Map.of(), b.token());
		assertThat(accepted.<String>json("$.type")).as(accepted.body()).isEqualTo("friend");
	}

	/** The 1:1 DM channel of {@code a} and {@code b}, opened by {@code a}. */
	protected String dm(User a, User b) {
		Http.Reply opened = this.http.post("/api/dms", Map.of("recipientId", b.id().toString()), a.token());
		assertThat(opened.status()).as(opened.body()).isIn(200, 201);
		return opened.json("$.id");
	}

	/** Publishes an event as its producer does; the envelope it sent. */
	protected EventEnvelope publish(Object payload, UUID aggregateId, long aggregateVersion) {
		EventEnvelope envelope = this.codec.envelope(payload, UUID.randomUUID(), Instant.now(), "auth-service",
				aggregateId.toString(), aggregateVersion, UUID.randomUUID(), null);
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(envelope.eventId().toString());
		properties.setType(envelope.type());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		this.rabbit.send(FluxTopology.EVENTS_EXCHANGE, envelope.type(),
				new Message(this.codec.toJson(envelope), properties));
		return envelope;
	}

	/** Whether the chat queue's consumer committed the event (applied or dropped). */
	protected boolean handled(UUID eventId) {
		return this.jdbc.sql("select count(*) from flux_events.inbox where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() > 0;
	}

	/** A user the service knows, and an access token of theirs. */
	protected record User(UUID id, String username, String token) {

	}

	/** A server's id and its general channel's id. */
	protected record Server(String id, String general) {

	}

}
