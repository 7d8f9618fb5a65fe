package dev.flux.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Flux service answers while its database cannot be reached right now, as when
 * 1,000 gateway handshakes at once held its pool, or when PostgreSQL restarts under it:
 * 503 {@code service-unavailable} problem details with {@code Retry-After}, never 500;
 * and the same request answered as usual once the pool frees or reconnects. The service
 * runs with a pool of three connections and a half-second connection timeout: every one
 * of them taken by {@link ExhaustedPool}, or ended on PostgreSQL's side by
 * {@link EndedConnections}; the broker is unreachable so that no consumer takes one. A
 * service's test class extends this one and names a request that reads the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.minimum-idle=3",
				"spring.datasource.hikari.connection-timeout=500" })
@WithFluxInfrastructure
@Import(BrokerOutageContract.UnreachableBroker.class)
public abstract class DatabaseOutageContract {

	@LocalServerPort
	protected int port;

	@Autowired
	private DataSource dataSource;

	private @Nullable ExhaustedPool exhausted;

	/**
	 * A request that reads the database, and the status it is answered with when it can;
	 * asked again for each request sent.
	 */
	protected abstract DatabaseRequest databaseRequest();

	@Test
	void answersServiceUnavailableWhileThePoolIsExhaustedThenAsUsualOnceItFrees() {
		DatabaseRequest request = databaseRequest();
		Http http = new Http(this.port);
		exhaustPool();

		Http.Reply refused = http.send(request.method(), request.path(), request.body(), request.token());

		assertThat(refused.status())
			.as("%s %s while the pool is exhausted: %s", request.method(), request.path(), refused.body())
			.isEqualTo(503);
		assertServiceUnavailable(refused, request.path());

		freePool();
		Http.Reply answered = http.send(request.method(), request.path(), request.body(), request.token());
		assertThat(answered.status())
			.as("%s %s once the pool frees: %s", request.method(), request.path(), answered.body())
			.isEqualTo(request.answered());
	}

	@Test
	void answersServiceUnavailableWhenTheDatabaseEndsItsConnectionsThenAsUsual() {
		Http http = new Http(this.port);
		List<Integer> statuses = new ArrayList<>();
		// A request can still find a connection the pool replaced meanwhile: a few tries,
		// each a request of its own (a registration cannot be sent twice).
		for (int attempt = 0; attempt < 5 && !statuses.contains(503); attempt++) {
			DatabaseRequest request = databaseRequest();
			assertThat(EndedConnections.endAll(this.dataSource)).as("connections ended").isPositive();
			Http.Reply reply = http.send(request.method(), request.path(), request.body(), request.token());
			statuses.add(reply.status());
			if (reply.status() == 503) {
				assertServiceUnavailable(reply, request.path());
			}
			else {
				assertThat(reply.status())
					.as("%s %s after PostgreSQL ended the pool's connections: %s", request.method(), request.path(),
							reply.body())
					.isEqualTo(request.answered());
			}
		}
		assertThat(statuses).as("a request met a connection PostgreSQL had ended").contains(503);

		Awaitility.await("the request answered as usual again")
			.atMost(Duration.ofSeconds(20))
			.until(() -> answered(http, databaseRequest()), (answered) -> answered);
	}

	private static boolean answered(Http http, DatabaseRequest request) {
		return http.send(request.method(), request.path(), request.body(), request.token()).status() == request
			.answered();
	}

	/**
	 * A 503 {@code service-unavailable} in the one problem shape, with
	 * {@code Retry-After}.
	 */
	public static void assertServiceUnavailable(Http.Reply reply, String path) {
		assertThat(reply.status()).isEqualTo(503);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
		assertThat(reply.<String>json("$.type")).isEqualTo("https://flux.dev/problems/service-unavailable");
		assertThat(reply.<String>json("$.title")).isEqualTo("Service Unavailable");
		assertThat(reply.<Integer>json("$.status")).isEqualTo(503);
		assertThat(reply.<String>json("$.detail")).isNotBlank();
		assertThat(reply.<String>json("$.instance")).isEqualTo(path.replaceFirst("\\?.*", ""));
	}

	/** Takes every connection of the service's pool until {@link #freePool()}. */
	protected final void exhaustPool() {
		this.exhausted = ExhaustedPool.of(this.dataSource);
	}

	@AfterEach
	protected final void freePool() {
		if (this.exhausted != null) {
			this.exhausted.close();
			this.exhausted = null;
		}
	}

	/**
	 * A request of the service that reads the database.
	 *
	 * @param body a JSON body, or null
	 * @param token a bearer token, or null
	 * @param answered the status it is answered with while the database can be reached
	 */
	public record DatabaseRequest(String method, String path, @Nullable Map<String, ?> body, @Nullable String token,
			int answered) {
	}

}
