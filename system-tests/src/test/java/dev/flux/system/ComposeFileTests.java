package dev.flux.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine to run docker-compose.yml here, so this reads it and checks
 * that it agrees with what the services and deploy/ say: ports, databases, users,
 * variables, start order.
 */
class ComposeFileTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

	private final Path root = FluxInfrastructure.projectRoot();

	private final Map<String, Object> compose = yaml(this.root.resolve("docker-compose.yml"));

	@ParameterizedTest(name = "{0} matches its application.yml")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void serviceEnvironmentMatchesItsOwnConfiguration(String name) {
		String service = name + "-service";
		Map<String, String> defaults = placeholderDefaults(service);
		Map<String, Object> definition = map(services().get(service));
		Map<String, Object> environment = map(definition.get("environment"));

		assertThat(defaults).containsEntry("FLUX_HTTP_PORT", port(name))
			.containsEntry("FLUX_DB_NAME", "flux_" + name)
			.containsEntry("FLUX_DB_USER", "flux_" + name)
			.containsEntry("FLUX_RABBITMQ_USER", "flux-" + name)
			.containsEntry("FLUX_RABBITMQ_VHOST", "flux");
		assertThat(environment).containsEntry("FLUX_HTTP_PORT", defaults.get("FLUX_HTTP_PORT"))
			.containsEntry("FLUX_DB_NAME", defaults.get("FLUX_DB_NAME"))
			.containsEntry("FLUX_DB_USER", defaults.get("FLUX_DB_USER"))
			.containsEntry("FLUX_DB_PASSWORD", defaults.get("FLUX_DB_PASSWORD"))
			.containsEntry("FLUX_RABBITMQ_USER", defaults.get("FLUX_RABBITMQ_USER"))
			.containsEntry("FLUX_RABBITMQ_PASSWORD", defaults.get("FLUX_RABBITMQ_PASSWORD"))
			.containsEntry("FLUX_RABBITMQ_VHOST", defaults.get("FLUX_RABBITMQ_VHOST"))
			.containsEntry("FLUX_DB_HOST", "postgres")
			.containsEntry("FLUX_RABBITMQ_HOST", "rabbitmq");
		String management = defaults.get("FLUX_MANAGEMENT_PORT");
		assertThat(management).isEqualTo(String.valueOf(Integer.parseInt(port(name)) + 1000));
		assertThat(environment).containsEntry("FLUX_MANAGEMENT_PORT", management);
		assertThat(definition.get("ports")).as("the management port only on this machine")
			.isEqualTo(List.of(port(name) + ":" + port(name), "127.0.0.1:" + management + ":" + management));
	}

	@ParameterizedTest(name = "{0} sets only variables the service reads")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void serviceEnvironmentHasNoVariableTheServiceIgnores(String name) {
		String service = name + "-service";
		Map<String, String> defaults = placeholderDefaults(service);
		Map<String, Object> environment = map(map(services().get(service)).get("environment"));

		assertThat(environment.keySet().stream().filter((key) -> key.startsWith("FLUX_")))
			.allSatisfy((key) -> assertThat(defaults).containsKey(key));
	}

	@ParameterizedTest(name = "{0} starts after healthy servers and reports its own health")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void serviceStartsAfterHealthyServersAndHasAHealthCheck(String name) {
		Map<String, Object> definition = map(services().get(name + "-service"));

		Map<String, Object> dependencies = map(definition.get("depends_on"));
		assertThat(dependencies).containsOnlyKeys("postgres", "rabbitmq", "mailpit");
		assertThat(dependencies.values())
			.allSatisfy((condition) -> assertThat(map(condition)).containsEntry("condition", "service_healthy"));
		assertThat(map(definition.get("healthcheck")).get("test").toString())
			.contains("localhost:" + port(name) + "/readyz");
		Map<String, Object> build = map(definition.get("build"));
		assertThat(map(build.get("args"))).containsEntry("SERVICE", name + "-service");
		assertThat(this.root.resolve(name + "-service/pom.xml")).exists();
		assertThat(this.root.resolve("Dockerfile")).exists();
	}

	@Test
	void serversHaveHealthChecksAndAreProvisionedFromDeploy() {
		assertThat(services()).containsKeys("postgres", "rabbitmq", "mailpit");
		for (String server : List.of("postgres", "rabbitmq", "mailpit")) {
			assertThat(map(services().get(server))).containsKey("healthcheck");
		}
		assertThat(volumes("postgres"))
			.contains("./deploy/postgres/init-flux-databases.sh:/docker-entrypoint-initdb.d/init-flux-databases.sh:ro");
		assertThat(volumes("rabbitmq")).contains("./deploy/rabbitmq/definitions.json:/etc/rabbitmq/definitions.json:ro",
				"./deploy/rabbitmq/20-flux.conf:/etc/rabbitmq/conf.d/20-flux.conf:ro",
				"./deploy/rabbitmq/advanced.config:/etc/rabbitmq/advanced.config:ro");
	}

	@Test
	void observabilityProfileScrapesEveryServicesManagementPort() {
		Map<String, Object> prometheus = yaml(this.root.resolve("deploy/observability/prometheus.yml"));
		Map<String, Map<String, Object>> jobs = new TreeMap<>();
		for (Object job : (List<?>) prometheus.get("scrape_configs")) {
			jobs.put((String) map(job).get("job_name"), map(job));
		}

		for (String name : List.of("auth", "user", "notification", "chat")) {
			String service = name + "-service";
			Map<String, Object> job = jobs.get(service);
			assertThat(job).as(service).isNotNull().containsEntry("metrics_path", "/actuator/prometheus");
			assertThat(JsonPath.<List<String>>read(job, "$.static_configs[*].targets[*]"))
				.containsExactly(service + ":" + placeholderDefaults(service).get("FLUX_MANAGEMENT_PORT"));
		}
		assertThat(jobs).hasSize(4);
		for (String server : List.of("prometheus", "grafana", "jaeger")) {
			assertThat(map(services().get(server)).get("profiles")).as(server).isEqualTo(List.of("observability"));
		}
		assertThat(volumes("prometheus"))
			.contains("./deploy/observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
	}

	@Test
	void grafanaIsProvisionedWithTheFluxDashboardAndItsDataSources() throws IOException {
		assertThat(volumes("grafana")).contains(
				"./deploy/observability/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		Map<String, Object> provider = yaml(
				this.root.resolve("deploy/observability/grafana/provisioning/dashboards/flux.yml"));
		assertThat(JsonPath.<List<String>>read(provider, "$.providers[*].options.path"))
			.containsExactly("/var/lib/grafana/dashboards");
		Map<String, Object> sources = yaml(
				this.root.resolve("deploy/observability/grafana/provisioning/datasources/flux.yml"));
		List<String> uids = JsonPath.read(sources, "$.datasources[*].uid");
		assertThat(JsonPath.<List<String>>read(sources, "$.datasources[*].url"))
			.containsExactlyInAnyOrder("http://prometheus:9090", "http://jaeger:16686");

		String dashboard = Files.readString(this.root.resolve("deploy/observability/grafana/dashboards/flux.json"));
		assertThat(uids).containsAll(JsonPath.<List<String>>read(dashboard, "$.panels[*].datasource.uid"));
		assertThat(JsonPath.<List<String>>read(dashboard, "$.panels[*].title")).contains("Event rates",
				"Outbox backlog", "Outbox age", "Consumer lag p99", "Dead letters", "Retries", "HTTP p99",
				"Gateway connections");
		assertThat(JsonPath.<List<String>>read(dashboard, "$.panels[*].targets[*].expr"))
			.allSatisfy((expression) -> assertThat(expression).as("names a Flux service's meter")
				.containsPattern("\\b(flux|http_server|hikaricp|resilience4j)_[a-z_]+"));
	}

	@ParameterizedTest(name = "definitions.json gives flux-{0} access to vhost flux")
	@ValueSource(strings = { "auth", "user", "notification", "chat" })
	void brokerDefinitionsHoldTheServiceUsers(String name) throws IOException {
		String definitions = Files.readString(this.root.resolve("deploy/rabbitmq/definitions.json"));
		String user = placeholderDefaults(name + "-service").get("FLUX_RABBITMQ_USER");

		assertThat(JsonPath.<List<String>>read(definitions, "$.users[*].name")).contains(user);
		assertThat(JsonPath.<List<String>>read(definitions, "$.vhosts[*].name")).contains("flux");
		List<String> ownQueues = JsonPath.read(definitions,
				"$.permissions[?(@.user == '" + user + "' && @.vhost == 'flux')].configure");
		assertThat(ownQueues).singleElement().asString().contains(name + "\\.service\\.");
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"));
	}

	@SuppressWarnings("unchecked")
	private List<String> volumes(String service) {
		return (List<String>) map(services().get(service)).get("volumes");
	}

	/**
	 * The FLUX_* variables a service's application.yml reads, with their default values.
	 */
	private Map<String, String> placeholderDefaults(String service) {
		try {
			String yaml = Files.readString(this.root.resolve(service + "/src/main/resources/application.yml"));
			Map<String, String> defaults = new TreeMap<>();
			Matcher matcher = PLACEHOLDER.matcher(yaml);
			while (matcher.find()) {
				defaults.put(matcher.group(1), matcher.group(2));
			}
			return defaults;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String port(String name) {
		return switch (name) {
			case "auth" -> "8081";
			case "user" -> "8082";
			case "notification" -> "8083";
			default -> "8084";
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> yaml(Path path) {
		try {
			return new Yaml().load(Files.readString(path));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
