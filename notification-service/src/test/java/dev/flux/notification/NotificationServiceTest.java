package dev.flux.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
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
import dev.flux.events.topology.FluxTopology;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;
import dev.flux.testsupport.WithFluxInfrastructure;
import dev.flux.testsupport.Http;
import dev.flux.testsupport.FreePorts;

/**
 * The notification-service on a random port against the real PostgreSQL and RabbitMQ, a
 * real SMTP server in this JVM (GreenMail) and a test issuer of access tokens. Every test
 * class extends this one and shares its one application context; events arrive on the
 * broker as the other services would publish them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flux.events.consumer.retry-tiers=1s,5s", "flux.notification.email.attempts=2",
				"flux.notification.email.backoff=100ms", "flux.notification.email.timeout=5s",
				"flux.notification.email.open-for=1s", "flux.notification.public-url=https://chat.example",
				"flux.notification.product-name=Flux",
				"flux.notification.gateway.allowed-origins=https://chat.example" })
@WithFluxInfrastructure
public abstract class NotificationServiceTest {

	protected static final JwksServer AUTH = JwksServer.start();

	protected static final TestTokens TOKENS = AUTH.newSigningKey();

	protected static final int SMTP_PORT = FreePorts.next();

	protected static final EventCodec CODEC = EventCodec.standard();

	protected static volatile GreenMail mail = startMail();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected RabbitTemplate rabbit;

	protected Http http;

	@DynamicPropertySource
	static void testServers(DynamicPropertyRegistry registry) {
		registry.add("flux.security.jwt.issuer", AUTH::issuer);
		registry.add("flux.security.jwt.jwk-set-uri", () -> AUTH.jwkSetUri().toString());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	/** Publishes an event as its producer's relay would, and answers its envelope. */
	protected EventEnvelope publish(Object payload, UUID aggregateId, long aggregateVersion, String producer) {
		EventEnvelope envelope = CODEC.envelope(payload, UUID.randomUUID(), Instant.now(), producer,
				aggregateId.toString(), aggregateVersion, UUID.randomUUID(), null);
		publish(envelope);
		return envelope;
	}

	/** Publishes an envelope (again). */
	protected void publish(EventEnvelope envelope) {
		publishRaw(envelope.type(), envelope.eventId().toString(), CODEC.toJson(envelope));
	}

	protected void publishRaw(String type, String messageId, byte[] body) {
		this.rabbit.send(FluxTopology.EVENTS_EXCHANGE, type,
				MessageBuilder.withBody(body)
					.setMessageId(messageId)
					.setType(type)
					.setContentType("application/json")
					.setContentEncoding(StandardCharsets.UTF_8.name())
					.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
					.setTimestamp(Date.from(Instant.now()))
					.build());
	}

	/** A fresh user id and an access token of that user. */
	protected static User user() {
		UUID id = UUID.randomUUID();
		return new User(id, "u" + id.toString().substring(0, 8), id.toString().substring(0, 8) + "@example.com",
				TOKENS.accessToken(id, "USER"));
	}

	/** The messages the SMTP server received for an address. */
	protected static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().equalsIgnoreCase(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** Stops the SMTP server: sending fails as when the mail relay is down. */
	protected static void stopMail() {
		mail.stop();
	}

	/** Starts the SMTP server again on the same port, with an empty mailbox. */
	protected static void restartMail() {
		mail = startMail();
	}

	private static GreenMail startMail() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/** A user of the tests with a valid access token. */
	protected record User(UUID id, String username, String email, String token) {
	}

}
