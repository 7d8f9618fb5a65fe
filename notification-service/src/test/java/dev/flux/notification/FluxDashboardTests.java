package dev.flux.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import dev.flux.events.contract.EmailChanged;
import dev.flux.testsupport.FluxInfrastructure;
import dev.flux.testsupport.Http;
import dev.flux.testsupport.PrometheusText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard of docker-compose's observability profile names only meters a
 * real scrape has. notification-service has every family the dashboard shows (outbox,
 * consumer, dead letters, retries, gateway, circuit breakers, HTTP, JDBC pool); the other
 * services export the outbox, consumer and HTTP ones under the same names
 * ({@code RunningServiceContract}).
 */
class FluxDashboardTests extends NotificationServiceTest {

	private static final Path DASHBOARD = FluxInfrastructure.projectRoot()
		.resolve("deploy/observability/grafana/dashboards/flux.json");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Pattern METER = Pattern.compile("\\b(?:flux|http_server|hikaricp|resilience4j)_[a-z0-9_]+");

	@LocalManagementPort
	private int managementPort;

	@Test
	void namesOnlyMetersTheServiceExports() throws IOException {
		User user = user();
		publish(new EmailChanged(user.id(), user.username(), "old@example.com", user.email()), user.id(), 2,
				"auth-service");
		this.http.get("/api/notifications", user.token());

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(scrape()).contains("flux_consumer_handled_total",
					"flux_consumer_lag_seconds_bucket", "http_server_requests_seconds_bucket"));
		assertThat(dashboardMeters()).isNotEmpty().isSubsetOf(scrape());
	}

	private Set<String> scrape() {
		Http.Reply reply = new Http(this.managementPort).get("/actuator/prometheus", null);
		assertThat(reply.status()).isEqualTo(200);
		return PrometheusText.names(reply.body());
	}

	private static Set<String> dashboardMeters() throws IOException {
		Set<String> meters = new TreeSet<>();
		for (String expression : JsonPath.<List<String>>read(Files.readString(DASHBOARD),
				"$.panels[*].targets[*].expr")) {
			Matcher meter = METER.matcher(expression);
			while (meter.find()) {
				meters.add(meter.group());
			}
		}
		return meters;
	}

}
