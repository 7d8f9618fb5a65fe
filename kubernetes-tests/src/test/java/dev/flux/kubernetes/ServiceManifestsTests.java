package dev.flux.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.flux.events.topology.BrokerDefinitions;
import dev.flux.events.topology.FluxTopology;
import dev.flux.kubernetes.Manifests.Tree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests agree with what each service says about itself (application.yml, the
 * broker topology), as ComposeFileTests holds docker-compose.yml to it: ports, probes,
 * variables, databases, broker users and queues, and who may talk to whom.
 */
class ServiceManifestsTests {

	private static final Manifests PRODUCTION = Manifests.render("production", "flux");

	private static final Manifests EXTERNAL = Manifests.render("external-postgres", "flux");

	static Stream<String> services() {
		return FluxTopology.services().stream();
	}

	@Test
	void everyServiceOfTheTopologyIsDeployedAndNothingElse() {
		assertThat(PRODUCTION.ofKind("Deployment")).extracting(Manifests::nameOf)
			.containsExactlyInAnyOrderElementsOf(services().map((service) -> service + "-service").toList());
	}

	@Test
	void theBrokerClusterHasTheSettingsEveryOtherBrokerGets() throws IOException {
		Map<String, Object> cluster = PRODUCTION.get("RabbitmqCluster", "flux-rabbitmq");
		assertThat(Tree.at(cluster, "spec", "rabbitmq", "advancedConfig"))
			.as("deploy/rabbitmq/advanced.config, which ./flux, docker-compose and Testcontainers load")
			.isEqualTo(Files.readString(Manifests.ROOT.resolve("deploy/rabbitmq/advanced.config")));
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void portsAndProbesAreTheServicesOwn(String service) {
		ServiceConfiguration configuration = ServiceConfiguration.of(service + "-service");
		Map<String, Object> pod = pod(PRODUCTION, service);
		Map<String, Object> container = container(PRODUCTION, service);
		String port = configuration.defaultOf("FLUX_HTTP_PORT");

		assertThat(Tree.at(container, "ports", 0, "containerPort")).hasToString(port);
		assertThat(Tree.at(container, "ports", 0, "name")).isEqualTo("http");
		assertThat(environment(PRODUCTION, service)).containsEntry("FLUX_HTTP_PORT", port);
		Map<String, Object> kubernetesService = PRODUCTION.get("Service", service + "-service");
		assertThat(Tree.at(kubernetesService, "spec", "ports", 0, "port")).hasToString(port);
		assertThat(Tree.at(kubernetesService, "spec", "ports", 0, "targetPort")).isEqualTo("http");
		assertThat(Tree.map(Tree.at(kubernetesService, "spec", "selector"))).isEqualTo(Tree
			.map(Tree.at(PRODUCTION.get("Deployment", service + "-service"), "spec", "selector", "matchLabels")));

		assertThat(configuration.setting("management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);
		assertThat(configuration.setting("management", "endpoint", "health", "probes", "add-additional-paths"))
			.as("/livez and /readyz on the public port, which the probes call")
			.isEqualTo(true);
		String management = configuration.defaultOf("FLUX_MANAGEMENT_PORT");
		assertThat(Tree.at(container, "ports", 1, "containerPort")).hasToString(management);
		assertThat(Tree.at(container, "ports", 1, "name")).isEqualTo("management");
		assertThat(environment(PRODUCTION, service)).containsEntry("FLUX_MANAGEMENT_PORT", management);
		assertThat(configuration.setting("management", "endpoint", "health", "group", "readiness", "include"))
			.asString()
			.contains("db", "rabbit");
		assertThat(configuration.setting("management", "endpoint", "health", "group", "liveness", "include")).asString()
			.doesNotContain("db", "rabbit");
		assertThat(Tree.at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/readyz");
		assertThat(Tree.at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/livez");
		assertThat(Tree.at(container, "startupProbe", "httpGet", "path")).isEqualTo("/livez");
		for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
			assertThat(Tree.at(container, probe, "httpGet", "port")).isEqualTo("http");
		}
		Object shutdownPhase = configuration.setting("spring", "lifecycle", "timeout-per-shutdown-phase");
		assertThat(shutdownPhase).isEqualTo("20s");
		assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(20 + 5);
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void prometheusScrapesTheManagementPortAndNobodyElseReachesIt(String service) {
		String management = ServiceConfiguration.of(service + "-service").defaultOf("FLUX_MANAGEMENT_PORT");
		Map<String, Object> annotations = Tree.map(Tree.at(PRODUCTION.get("Deployment", service + "-service"), "spec",
				"template", "metadata", "annotations"));

		assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/port", management)
			.containsEntry("prometheus.io/path", "/actuator/prometheus");
		List<Object> rules = Tree
			.list(Tree.at(PRODUCTION.get("NetworkPolicy", service + "-service"), "spec", "ingress"));
		List<Object> toManagement = rules.stream()
			.filter((rule) -> Tree.list(Tree.at(rule, "ports"))
				.stream()
				.anyMatch((port) -> "management".equals(Tree.at(port, "port"))))
			.toList();
		assertThat(toManagement).singleElement()
			.satisfies((rule) -> assertThat(Tree.list(Tree.at(rule, "from")))
				.extracting((peer) -> Tree.map(Tree.at(peer, "podSelector", "matchLabels")))
				.containsExactly(Map.of("app.kubernetes.io/name", "prometheus")));
		assertThat(Tree.list(Tree.at(PRODUCTION.get("Service", service + "-service"), "spec", "ports")))
			.extracting((port) -> Tree.at(port, "targetPort"))
			.containsExactly("http");
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void imageIsTheOneFluxImagesBuilds(String service) throws IOException {
		String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
		String version = pom.replaceFirst("(?s).*?</parent>.*?<version>([^<]+)</version>.*", "$1");

		assertThat(pom).contains("<image>${flux.image.registry}/${project.artifactId}:${flux.image.tag}</image>",
				"<flux.image.registry>flux</flux.image.registry>",
				"<flux.image.tag>${project.version}</flux.image.tag>", "<user>10001:10001</user>");
		assertThat(Manifests.ROOT.resolve(service + "-service/src/main/resources/application.yml"))
			.as("a module with an application.yml is what gets an image (profile service-image)")
			.exists();
		assertThat(Tree.at(container(PRODUCTION, service), "image"))
			.isEqualTo("flux/" + service + "-service:" + version);
		assertThat(Tree.at(pod(PRODUCTION, service), "securityContext", "runAsUser")).isEqualTo(10001);
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void everyVariableIsOneTheServiceReadsAndCredentialsComeFromSecrets(String service) {
		ServiceConfiguration configuration = ServiceConfiguration.of(service + "-service");
		Map<String, String> environment = environment(PRODUCTION, service);

		assertThat(environment.keySet().stream().filter((name) -> name.startsWith("FLUX_"))).allSatisfy(
				(name) -> assertThat(configuration.variables()).as("variables %s reads", service).containsKey(name));
		assertThat(environment).containsEntry("FLUX_DB_NAME", configuration.defaultOf("FLUX_DB_NAME"))
			.containsEntry("FLUX_DB_NAME", "flux_" + service)
			.containsEntry("FLUX_DB_PORT", "5432")
			.containsEntry("FLUX_RABBITMQ_VHOST", configuration.defaultOf("FLUX_RABBITMQ_VHOST"))
			.containsEntry("FLUX_RABBITMQ_HOST", "flux-rabbitmq")
			.containsEntry("FLUX_RABBITMQ_PORT", "5672");
		assertThat(PRODUCTION.find("RabbitmqCluster", "flux-rabbitmq")).isPresent();
		assertThat(secretOf(PRODUCTION, service, "FLUX_DB_USER")).isEqualTo("flux-" + service + "-db/username");
		assertThat(secretOf(PRODUCTION, service, "FLUX_DB_PASSWORD")).isEqualTo("flux-" + service + "-db/password");
		assertThat(secretOf(PRODUCTION, service, "FLUX_RABBITMQ_USER"))
			.isEqualTo("flux-" + service + "-rabbitmq/username");
		assertThat(secretOf(PRODUCTION, service, "FLUX_RABBITMQ_PASSWORD"))
			.isEqualTo("flux-" + service + "-rabbitmq/password");
		if (service.equals("auth")) {
			assertThat(secretOf(PRODUCTION, service, "FLUX_AUTH_KEY_ENCRYPTION_KEY"))
				.isEqualTo("flux-auth-keys/encryption-key");
			assertThat(environment).containsKey("FLUX_AUTH_ISSUER");
		}
		else {
			assertThat(environment).containsKey("FLUX_AUTH_ISSUER")
				.containsEntry("FLUX_AUTH_JWKS_URI",
						"http://auth-service:" + ServiceConfiguration.of("auth-service").defaultOf("FLUX_HTTP_PORT")
								+ "/.well-known/jwks.json");
		}
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void podsRunAsNonRootOnAReadOnlyFilesystemSpreadAndScaled(String service) {
		Map<String, Object> pod = pod(PRODUCTION, service);
		Map<String, Object> container = container(PRODUCTION, service);
		Map<String, Object> deployment = PRODUCTION.get("Deployment", service + "-service");
		Map<String, Object> labels = Tree.map(Tree.at(deployment, "spec", "selector", "matchLabels"));

		assertThat(Tree.map(Tree.at(pod, "securityContext"))).containsEntry("runAsNonRoot", true)
			.containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
		assertThat(Tree.map(Tree.at(container, "securityContext"))).containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false);
		assertThat(Tree.list(Tree.at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
		assertThat(Tree.list(Tree.at(container, "volumeMounts"))).extracting((mount) -> Tree.at(mount, "mountPath"))
			.containsExactly("/tmp");
		assertThat(Tree.at(container, "resources", "requests", "cpu")).isNotNull();
		assertThat(Tree.at(container, "resources", "limits", "memory"))
			.isEqualTo(Tree.at(container, "resources", "requests", "memory"));
		assertThat(Tree.map(Tree.at(deployment, "spec", "template", "metadata", "labels")))
			.containsAllEntriesOf(labels);
		assertThat(Tree.list(pod.get("topologySpreadConstraints")))
			.extracting((constraint) -> Tree.at(constraint, "topologyKey"))
			.containsExactlyInAnyOrder("topology.kubernetes.io/zone", "kubernetes.io/hostname");
		assertThat(Tree.list(pod.get("topologySpreadConstraints")))
			.allSatisfy((constraint) -> assertThat(Tree.map(Tree.at(constraint, "labelSelector", "matchLabels")))
				.isEqualTo(labels));

		Map<String, Object> budget = PRODUCTION.get("PodDisruptionBudget", service + "-service");
		assertThat(Tree.map(Tree.at(budget, "spec", "selector", "matchLabels"))).isEqualTo(labels);
		Map<String, Object> autoscaler = PRODUCTION.get("HorizontalPodAutoscaler", service + "-service");
		assertThat(Tree.at(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service + "-service");
		assertThat((Integer) Tree.at(autoscaler, "spec", "minReplicas")).isGreaterThanOrEqualTo(2);
		assertThat(Tree.at(budget, "spec", "maxUnavailable")).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void eachServiceHasItsOwnCloudNativePgClusterReachableByItAlone(String service) {
		ServiceConfiguration configuration = ServiceConfiguration.of(service + "-service");
		String cluster = "flux-" + service + "-postgres";
		Map<String, Object> postgres = PRODUCTION.get("Cluster", cluster);

		assertThat(environment(PRODUCTION, service)).containsEntry("FLUX_DB_HOST", cluster + "-rw");
		assertThat(Tree.at(postgres, "spec", "bootstrap", "initdb", "database"))
			.isEqualTo(configuration.defaultOf("FLUX_DB_NAME"));
		assertThat(Tree.at(postgres, "spec", "bootstrap", "initdb", "owner"))
			.isEqualTo(configuration.defaultOf("FLUX_DB_USER"));
		assertThat(Tree.at(postgres, "spec", "bootstrap", "initdb", "secret", "name"))
			.isEqualTo(secretOf(PRODUCTION, service, "FLUX_DB_PASSWORD").split("/")[0]);
		assertThat((Integer) Tree.at(postgres, "spec", "instances")).isGreaterThanOrEqualTo(2);

		Map<String, Object> ingress = PRODUCTION.get("NetworkPolicy", cluster);
		List<Object> clients = Tree.list(Tree.at(ingress, "spec", "ingress", 0, "from"));
		assertThat(clients).extracting((peer) -> Tree.map(Tree.at(peer, "podSelector", "matchLabels")))
			.containsExactlyInAnyOrder(Map.of("app.kubernetes.io/name", service + "-service"),
					Map.of("cnpg.io/cluster", cluster));
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void eachServiceReachesOnlyItsDatabaseTheBrokerAndTheJwks(String service) {
		Set<String> expected = new TreeSet<>(List.of("kube-system/k8s-app=kube-dns:53/UDP",
				"kube-system/k8s-app=kube-dns:53/TCP", "app.kubernetes.io/name=flux-rabbitmq:5672/TCP",
				"cnpg.io/cluster=flux-" + service + "-postgres:5432/TCP"));
		switch (service) {
			case "auth" -> expected.add("outside the cluster:443/TCP");
			case "notification" -> {
				expected.add("app.kubernetes.io/name=auth-service:8081/TCP");
				expected.addAll(List.of("outside the cluster:25/TCP", "outside the cluster:465/TCP",
						"outside the cluster:587/TCP"));
			}
			default -> expected.add("app.kubernetes.io/name=auth-service:8081/TCP");
		}

		assertThat(egress(PRODUCTION, service)).containsExactlyInAnyOrderElementsOf(expected);
		expected.remove("cnpg.io/cluster=flux-" + service + "-postgres:5432/TCP");
		expected.add("192.0.2.0/24:5432/TCP");
		assertThat(egress(EXTERNAL, service)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(environment(EXTERNAL, service)).doesNotContainEntry("FLUX_DB_HOST",
				"flux-" + service + "-postgres-rw");
		assertThat(EXTERNAL.ofKind("Cluster")).isEmpty();
	}

	@ParameterizedTest(name = "{0}-service")
	@MethodSource("services")
	void brokerUserPermissionAndQueuesAreTheServicesOwn(String service) {
		ServiceConfiguration configuration = ServiceConfiguration.of(service + "-service");
		String user = BrokerDefinitions.userOf(service);

		assertThat(configuration.defaultOf("FLUX_RABBITMQ_USER")).isEqualTo(user);
		Map<String, Object> userResource = PRODUCTION.get("User", user);
		assertThat(Tree.at(userResource, "spec", "importCredentialsSecret", "name") + "/username")
			.isEqualTo(secretOf(PRODUCTION, service, "FLUX_RABBITMQ_USER"));
		Map<String, Object> permission = PRODUCTION.get("Permission", user + ".in.flux");
		assertThat(Tree.at(permission, "spec", "userReference", "name")).isEqualTo(user);
		assertThat(Tree.at(permission, "spec", "vhost")).isEqualTo(configuration.defaultOf("FLUX_RABBITMQ_VHOST"));
		String pattern = BrokerDefinitions.permissionOf(service);
		assertThat(Tree.map(Tree.at(permission, "spec", "permissions"))).containsOnly(Map.entry("configure", pattern),
				Map.entry("write", pattern), Map.entry("read", pattern));
		FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS).queueOf(service).ifPresent((queue) -> {
			assertThat(PRODUCTION.find("Exchange", queue.partitionExchange())).isPresent();
			assertThat(queue.partitionNames())
				.allSatisfy((partition) -> assertThat(PRODUCTION.find("Queue", partition)).isPresent());
		});
		assertThat(PRODUCTION.ofKind("Queue")).extracting((queue) -> (String) Tree.at(queue, "spec", "name"))
			.filteredOn((name) -> name.startsWith(service + ".service."))
			.allSatisfy((name) -> assertThat(name).matches(pattern));
	}

	@Test
	void brokerResourcesAreWhatDefinitionsJsonDeclares() throws IOException {
		String definitions = Files.readString(Manifests.ROOT.resolve("deploy/rabbitmq/definitions.json"));

		assertThat(specs(PRODUCTION, "Queue", "name"))
			.containsExactlyInAnyOrderElementsOf(JsonPath.<List<String>>read(definitions, "$.queues[*].name"));
		assertThat(specs(PRODUCTION, "Exchange", "name"))
			.containsExactlyInAnyOrderElementsOf(JsonPath.<List<String>>read(definitions, "$.exchanges[*].name"));
		List<String> bindings = new ArrayList<>();
		for (Map<String, Object> binding : JsonPath.<List<Map<String, Object>>>read(definitions, "$.bindings[*]")) {
			bindings
				.add(binding.get("source") + " -> " + binding.get("destination") + " : " + binding.get("routing_key"));
		}
		assertThat(PRODUCTION.ofKind("Binding"))
			.extracting((binding) -> Tree.at(binding, "spec", "source") + " -> "
					+ Tree.at(binding, "spec", "destination") + " : " + Tree.at(binding, "spec", "routingKey"))
			.containsExactlyInAnyOrderElementsOf(bindings);
		for (Map<String, Object> queue : JsonPath.<List<Map<String, Object>>>read(definitions, "$.queues[*]")) {
			assertThat(Tree.map(Tree.at(PRODUCTION.get("Queue", (String) queue.get("name")), "spec", "arguments")))
				.isEqualTo(queue.get("arguments"));
		}
		List<Object> references = new ArrayList<>();
		for (String kind : List.of("Vhost", "Exchange", "Queue", "Binding", "User", "Permission")) {
			PRODUCTION.ofKind(kind)
				.forEach((resource) -> references.add(Tree.at(resource, "spec", "rabbitmqClusterReference", "name")));
		}
		assertThat(references).hasSizeGreaterThan(40).containsOnly("flux-rabbitmq");
		assertThat(Tree.at(PRODUCTION.get("RabbitmqCluster", "flux-rabbitmq"), "spec", "replicas")).isEqualTo(3);
	}

	private static List<Object> specs(Manifests manifests, String kind, String field) {
		return manifests.ofKind(kind).stream().map((resource) -> Tree.at(resource, "spec", field)).toList();
	}

	/**
	 * Where a service's pods may open connections, one "peer:port/protocol" each, from
	 * every NetworkPolicy that selects them.
	 */
	private static Set<String> egress(Manifests manifests, String service) {
		Map<String, Object> podLabels = Tree
			.map(Tree.at(manifests.get("Deployment", service + "-service"), "spec", "template", "metadata", "labels"));
		Set<String> allowed = new TreeSet<>();
		for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
			Map<String, Object> selector = Tree.map(Tree.at(policy, "spec", "podSelector", "matchLabels"));
			if (!podLabels.entrySet().containsAll(selector.entrySet())
					|| !Tree.list(Tree.at(policy, "spec", "policyTypes")).contains("Egress")) {
				continue;
			}
			for (Object rule : Tree.list(Tree.at(policy, "spec", "egress"))) {
				List<Object> peers = Tree.list(Tree.at(rule, "to"));
				assertThat(peers)
					.as("an egress rule of %s without 'to' opens every destination", Manifests.nameOf(policy))
					.isNotEmpty();
				for (Object peer : peers) {
					for (Object port : Tree.list(Tree.at(rule, "ports"))) {
						allowed.add(describe(peer) + ":" + Tree.at(port, "port") + "/" + Tree.at(port, "protocol"));
					}
				}
			}
		}
		return allowed;
	}

	private static String describe(Object peer) {
		Map<String, Object> block = Tree.map(Tree.at(peer, "ipBlock"));
		if (!block.isEmpty()) {
			return "0.0.0.0/0".equals(block.get("cidr")) && Tree.list(block.get("except")).contains("10.0.0.0/8")
					? "outside the cluster" : (String) block.get("cidr");
		}
		Map<String, Object> namespace = Tree.map(Tree.at(peer, "namespaceSelector", "matchLabels"));
		String labels = String.join(",",
				Tree.map(Tree.at(peer, "podSelector", "matchLabels"))
					.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.toList());
		return namespace.isEmpty() ? labels : namespace.get("kubernetes.io/metadata.name") + "/" + labels;
	}

	private static Map<String, Object> pod(Manifests manifests, String service) {
		return Tree.map(Tree.at(manifests.get("Deployment", service + "-service"), "spec", "template", "spec"));
	}

	private static Map<String, Object> container(Manifests manifests, String service) {
		List<Object> containers = Tree.list(pod(manifests, service).get("containers"));
		assertThat(containers).hasSize(1);
		return Tree.map(containers.get(0));
	}

	/**
	 * The variables a service's container gets with a plain value: its env entries and
	 * the ConfigMaps of its envFrom.
	 */
	private static Map<String, String> environment(Manifests manifests, String service) {
		Map<String, Object> container = container(manifests, service);
		Map<String, String> environment = new HashMap<>();
		for (Object source : Tree.list(container.get("envFrom"))) {
			String name = (String) Tree.at(source, "configMapRef", "name");
			Map<String, Object> configMap = manifests.get("ConfigMap", name);
			Tree.map(configMap.get("data")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
		}
		for (Object variable : Tree.list(container.get("env"))) {
			Object value = Tree.at(variable, "value");
			Object configMapKey = Tree.at(variable, "valueFrom", "configMapKeyRef");
			if (value != null) {
				environment.put((String) Tree.at(variable, "name"), String.valueOf(value));
			}
			else if (configMapKey != null) {
				Map<String, Object> configMap = manifests.get("ConfigMap", (String) Tree.at(configMapKey, "name"));
				environment.put((String) Tree.at(variable, "name"),
						String.valueOf(Tree.at(configMap, "data", Tree.at(configMapKey, "key"))));
			}
			else {
				environment.put((String) Tree.at(variable, "name"), "<from " + Tree.at(variable, "valueFrom") + ">");
			}
		}
		return environment;
	}

	/** "secret/key" a variable of the service's container is read from. */
	private static String secretOf(Manifests manifests, String service, String variable) {
		for (Object entry : Tree.list(container(manifests, service).get("env"))) {
			if (variable.equals(Tree.at(entry, "name"))) {
				Object reference = Tree.at(entry, "valueFrom", "secretKeyRef");
				assertThat(reference).as("%s of %s-service comes from a Secret", variable, service).isNotNull();
				return Tree.at(reference, "name") + "/" + Tree.at(reference, "key");
			}
		}
		throw new AssertionError(service + "-service's container has no " + variable);
	}

}
