package dev.flux.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.flux.events.topology.BrokerDefinitions;
import dev.flux.events.topology.FluxTopology;

/**
 * Renders a {@link FluxTopology} as the custom resources of the RabbitMQ Messaging
 * Topology Operator (deploy/kubernetes/base/rabbitmq/topology.yaml): the vhost, every
 * exchange, queue and binding the services declare at start-up, and one user with its
 * permission per service, as {@link BrokerDefinitions} does for definitions.json.
 */
final class TopologyResources {

	static final String API_VERSION = "rabbitmq.com/v1beta1";

	/** The RabbitmqCluster every resource belongs to (base/rabbitmq/cluster.yaml). */
	static final String CLUSTER = "flux-rabbitmq";

	private TopologyResources() {
	}

	/** The Secret a service's broker user takes its name and password from. */
	static String credentialsSecretOf(String service) {
		return "flux-" + service + "-rabbitmq";
	}

	/** The YAML stream of every resource, in the order the operator can apply them. */
	static String render(FluxTopology topology) {
		List<Map<String, Object>> resources = new ArrayList<>();
		resources.add(resource("Vhost", FluxTopology.VHOST, Map.of("name", FluxTopology.VHOST)));
		Set<String> exchanges = new LinkedHashSet<>();
		List<Declarable> declarables = new ArrayList<>();
		for (String service : FluxTopology.services()) {
			declarables.addAll(topology.declarablesFor(service).getDeclarables());
		}
		for (Declarable declarable : declarables) {
			if (declarable instanceof Exchange exchange && exchanges.add(exchange.getName())) {
				resources.add(exchange(exchange));
			}
		}
		for (Declarable declarable : declarables) {
			switch (declarable) {
				case Queue queue -> resources.add(queue(queue));
				case Binding binding -> resources.add(binding(binding));
				default -> {
				}
			}
		}
		for (String service : FluxTopology.services()) {
			String user = BrokerDefinitions.userOf(service);
			resources.add(resource("User", user,
					spec(Map.of("importCredentialsSecret", Map.of("name", credentialsSecretOf(service))))));
			String pattern = BrokerDefinitions.permissionOf(service);
			Map<String, Object> permissions = new LinkedHashMap<>();
			permissions.put("configure", pattern);
			permissions.put("write", pattern);
			permissions.put("read", pattern);
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("vhost", FluxTopology.VHOST);
			spec.put("userReference", Map.of("name", user));
			spec.put("permissions", permissions);
			resources.add(resource("Permission", user + ".in." + FluxTopology.VHOST, spec));
		}
		StringBuilder yaml = new StringBuilder();
		yaml.append("# Generated from FluxTopology (common-events) by TopologyResourcesTests: do not edit.\n")
			.append("# Regenerate: ./mvnw -pl kubernetes-tests -am test -Dtest=TopologyResourcesTests")
			.append(" -Dsurefire.failIfNoSpecifiedTests=false -Dflux.writeManifests=true\n");
		Yaml dumper = yaml();
		for (Map<String, Object> resource : resources) {
			yaml.append("---\n").append(dumper.dump(resource));
		}
		return yaml.toString();
	}

	private static Map<String, Object> exchange(Exchange exchange) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("name", exchange.getName());
		spec.put("vhost", FluxTopology.VHOST);
		spec.put("type", exchange.getType());
		spec.put("durable", exchange.isDurable());
		spec.put("autoDelete", exchange.isAutoDelete());
		if (!exchange.getArguments().isEmpty()) {
			spec.put("arguments", new LinkedHashMap<>(exchange.getArguments()));
		}
		return resource("Exchange", exchange.getName(), spec(spec));
	}

	private static Map<String, Object> queue(Queue queue) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("name", queue.getName());
		spec.put("vhost", FluxTopology.VHOST);
		spec.put("type", queue.getArguments().get("x-queue-type"));
		spec.put("durable", queue.isDurable());
		spec.put("autoDelete", queue.isAutoDelete());
		spec.put("arguments", new LinkedHashMap<>(queue.getArguments()));
		return resource("Queue", queue.getName(), spec(spec));
	}

	private static Map<String, Object> binding(Binding binding) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("vhost", FluxTopology.VHOST);
		spec.put("source", binding.getExchange());
		spec.put("destination", binding.getDestination());
		spec.put("destinationType", binding.getDestinationType().name().toLowerCase(Locale.ROOT));
		spec.put("routingKey", binding.getRoutingKey());
		String name = binding.getDestination() + ".from." + binding.getExchange() + "." + binding.getRoutingKey();
		return resource("Binding", dnsName(name), spec(spec));
	}

	/**
	 * A Kubernetes object name for a broker name: lower case letters, digits, dots and
	 * dashes ({@code presence.*} becomes {@code presence.star}).
	 */
	static String dnsName(String name) {
		return name.toLowerCase(Locale.ROOT).replace("*", "star").replace("#", "hash").replaceAll("[^a-z0-9.-]", "-");
	}

	private static Map<String, Object> spec(Map<String, Object> fields) {
		return new LinkedHashMap<>(fields);
	}

	private static Map<String, Object> resource(String kind, String name, Map<String, Object> fields) {
		Map<String, Object> spec = new LinkedHashMap<>(fields);
		spec.put("rabbitmqClusterReference", Map.of("name", CLUSTER));
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("apiVersion", API_VERSION);
		resource.put("kind", kind);
		resource.put("metadata", Map.of("name", dnsName(name)));
		resource.put("spec", spec);
		return resource;
	}

	private static Yaml yaml() {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(120);
		return new Yaml(options);
	}

}
