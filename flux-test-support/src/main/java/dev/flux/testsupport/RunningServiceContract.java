package dev.flux.testsupport;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Flux service promises once started on real servers: it is ready when its own
 * database and the broker answer, it is live regardless of them, and it works in its own
 * database under its own login role; and a service that serves an OpenAPI document
 * (springdoc) has it exported to docs/openapi/ for docs/api.md and the linter; its
 * actuator, Prometheus metrics included, answers on its management port and not on the
 * public one. Each service runs these by extending this class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@WithFluxInfrastructure
public abstract class RunningServiceContract {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Environment environment;

	/** The service's database, also the name of its login role: {@code flux_auth}, ... */
	protected abstract String database();

	/**
	 * Prometheus names of meters only this service has (beyond the outbox, dead-letter,
	 * HTTP, JDBC pool and JVM meters every service exports).
	 */
	protected Set<String> ownMeters() {
		return Set.of();
	}

	@Test
	void isReadyWhenItsDatabaseAndBrokerAnswer() throws Exception {
		HttpResponse<String> readiness = get("/readyz");

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(status(readiness, "$.status")).isEqualTo("UP");
		assertThat(status(readiness, "$.components.db.status")).isEqualTo("UP");
		assertThat(status(readiness, "$.components.rabbit.status")).isEqualTo("UP");
	}

	@Test
	void livenessDoesNotDependOnDatabaseOrBroker() throws Exception {
		HttpResponse<String> liveness = get("/livez");

		assertThat(liveness.statusCode()).isEqualTo(200);
		Map<String, Object> components = JsonPath.read(liveness.body(), "$.components");
		assertThat(components).containsOnlyKeys("livenessState");
	}

	@Test
	void hidesHealthDetailsFromAnonymousCallers() throws Exception {
		HttpResponse<String> health = LocalHttp.get(this.managementPort, "/actuator/health");

		assertThat(health.body()).contains("\"db\"").doesNotContain("PostgreSQL").doesNotContain("validationQuery");
	}

	@Test
	void servesPrometheusMetricsOnItsManagementPortOnly() throws Exception {
		get("/livez");
		HttpResponse<String> scrape = LocalHttp.get(this.managementPort, "/actuator/prometheus");

		assertThat(scrape.statusCode()).as("no token needed: the management port is never published").isEqualTo(200);
		assertThat(PrometheusText.names(scrape.body()))
			.contains("flux_outbox_pending", "flux_outbox_oldest_pending_age", "flux_outbox_failed",
					"flux_consumer_dead_letters", "hikaricp_connections_active", "http_server_requests_seconds_bucket",
					"jvm_memory_used_bytes")
			.containsAll(ownMeters());
		assertThat(get("/actuator/prometheus").statusCode()).as("the public port has no actuator").isEqualTo(401);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(401);
	}

	@Test
	void worksInItsOwnDatabaseUnderItsOwnRole() {
		Map<String, Object> session = this.jdbc.queryForMap("SELECT current_user AS role, current_database() AS db");

		assertThat(session).containsEntry("role", database()).containsEntry("db", database());
	}

	@Test
	void exportsItsOpenApiDocumentWhenItServesOne() throws Exception {
		if (!ClassUtils.isPresent("org.springdoc.core.configuration.SpringDocConfiguration",
				getClass().getClassLoader())) {
			return; // no springdoc: the service has no REST API to document
		}
		String path = this.environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
		HttpResponse<String> document = get(path);

		assertThat(document.statusCode())
			.as("springdoc is on the classpath, so %s must answer 200 without a token (permit it in the security chain)",
					path)
			.isEqualTo(200);
		assertThat(document.body())
			.as("a body read as a JSON tree is documented as an object, not as Jackson's node class")
			.doesNotContain("\"missingNode\"");
		OpenApiDocuments.export(this.environment.getRequiredProperty("spring.application.name"), document.body());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return LocalHttp.get(this.port, path);
	}

	private static String status(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

}
