package dev.flux.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.flux.testsupport.WithFluxInfrastructure;
import dev.flux.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth-service started on a random port against the real PostgreSQL and RabbitMQ,
 * with the per-client rate limit out of the way (one test address makes every request),
 * and Google and Facebook played by one in-process OAuth2 server ({@link MockProviders}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "flux.auth.rate-limit.capacity=1000000", "flux.auth.rate-limit.per-minute=1000000",
				"flux.auth.admins=" + AuthServiceTest.LISTED_ADMIN })
@WithFluxInfrastructure
public abstract class AuthServiceTest {

	protected static final String PASSWORD = "correct horse battery staple";

	/** The one email of flux.auth.admins in tests (AdminRolesTests registers it). */
	protected static final String LISTED_ADMIN = "first-operator@example.com";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Http http;

	@Autowired
	private AmqpAdmin amqp;

	@Autowired
	private RabbitTemplate rabbit;

	private final List<EventTap> taps = new ArrayList<>();

	@DynamicPropertySource
	static void socialProviders(DynamicPropertyRegistry registry) {
		MockProviders.register(registry);
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void closeTaps() {
		this.taps.forEach(EventTap::close);
		this.taps.clear();
	}

	/**
	 * A private queue recording what the service publishes with these routing keys from
	 * now on, closed after the test.
	 */
	protected EventTap tap(String... routingKeys) {
		EventTap tap = new EventTap(this.amqp, this.rabbit, routingKeys);
		this.taps.add(tap);
		return tap;
	}

	/** A fresh account, registered through the API. */
	protected Account register() {
		String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Http.Reply reply = this.http.post("/api/auth/register",
				Map.of("email", name + "@example.com", "username", name, "password", PASSWORD));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return new Account(UUID.fromString(reply.json("$.account.id")), name + "@example.com", name,
				reply.json("$.accessToken"), reply.json("$.refreshToken"));
	}

	protected Http.Reply login(String login, String password) {
		return this.http.post("/api/auth/login", Map.of("login", login, "password", password));
	}

	/** A registered account with the token pair of its first session. */
	protected record Account(UUID id, String email, String username, String accessToken, String refreshToken) {
	}

}
