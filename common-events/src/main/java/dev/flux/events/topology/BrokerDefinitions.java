package dev.flux.events.topology;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * Renders a {@link FluxTopology} as a RabbitMQ definitions file
 * (deploy/rabbitmq/definitions.json): vhost, one least-privilege user per service,
 * exchanges, queues and bindings. docker-compose loads it at boot and {@code ./flux}
 * imports it, so brokers start with the topology services would declare anyway.
 */
public final class BrokerDefinitions {

	/** The administrator of the development brokers (management UI, provisioning). */
	public static final String ADMIN_USER = "flux-admin";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private BrokerDefinitions() {
	}

	/** The broker user of a service: {@code flux-user}. */
	public static String userOf(String service) {
		return "flux-" + service;
	}

	/**
	 * The permission pattern of a service's user, for configure, write and read alike:
	 * the event exchanges and the resources named {@code <service>.service.*}, nothing
	 * else.
	 */
	public static String permissionOf(String service) {
		return "^(app\\.events(\\.dlx|\\.replay)?|" + service + "\\.service\\..*)$";
	}

	/**
	 * The definitions file for a topology.
	 * @param topology what to declare
	 * @param passwordHashes the {@code rabbit_password_hashing_sha256} hash of every
	 * user's password, by user name ({@link #ADMIN_USER} and each service's user)
	 * @return the JSON document
	 */
	public static String render(FluxTopology topology, Map<String, String> passwordHashes) {
		ObjectNode root = JSON.createObjectNode();
		root.put("rabbit_version", "3.10.8");
		ArrayNode users = root.putArray("users");
		ArrayNode permissions = root.putArray("permissions");
		addUser(users, permissions, ADMIN_USER, passwordHashes, "administrator", ".*");
		for (String service : FluxTopology.services()) {
			addUser(users, permissions, userOf(service), passwordHashes, null, permissionOf(service));
		}
		root.putArray("vhosts").addObject().put("name", FluxTopology.VHOST);
		root.putArray("topic_permissions");
		root.putArray("parameters");
		root.putArray("global_parameters");
		root.putArray("policies");
		ArrayNode queues = root.putArray("queues");
		ArrayNode exchanges = root.putArray("exchanges");
		ArrayNode bindings = root.putArray("bindings");
		for (Declarable exchange : FluxTopology.exchanges()) {
			addExchange(exchanges, (Exchange) exchange);
		}
		for (ConsumerQueue queue : topology.queues()) {
			for (Declarable declarable : FluxTopology.declarables(queue)) {
				switch (declarable) {
					case Queue q -> addQueue(queues, q);
					case Exchange e -> addExchange(exchanges, e);
					case Binding b -> addBinding(bindings, b);
					default -> throw new IllegalStateException("Unexpected declarable " + declarable);
				}
			}
		}
		return JSON.writeValueAsString(root) + "\n";
	}

	private static void addUser(ArrayNode users, ArrayNode permissions, String name, Map<String, String> hashes,
			@Nullable String tag, String pattern) {
		String hash = hashes.get(name);
		if (hash == null) {
			throw new IllegalArgumentException("No password hash for broker user " + name);
		}
		ObjectNode user = users.addObject();
		user.put("name", name);
		user.put("password_hash", hash);
		user.put("hashing_algorithm", "rabbit_password_hashing_sha256");
		ArrayNode tags = user.putArray("tags");
		if (tag != null) {
			tags.add(tag);
		}
		user.putObject("limits");
		ObjectNode permission = permissions.addObject();
		permission.put("user", name);
		permission.put("vhost", FluxTopology.VHOST);
		permission.put("configure", pattern);
		permission.put("write", pattern);
		permission.put("read", pattern);
	}

	private static void addExchange(ArrayNode exchanges, Exchange exchange) {
		ObjectNode node = exchanges.addObject();
		node.put("name", exchange.getName());
		node.put("vhost", FluxTopology.VHOST);
		node.put("type", exchange.getType());
		node.put("durable", exchange.isDurable());
		node.put("auto_delete", exchange.isAutoDelete());
		node.put("internal", false);
		ObjectNode arguments = node.putObject("arguments");
		exchange.getArguments().forEach((key, value) -> arguments.set(key, JSON.valueToTree(value)));
	}

	private static void addQueue(ArrayNode queues, Queue queue) {
		ObjectNode node = queues.addObject();
		node.put("name", queue.getName());
		node.put("vhost", FluxTopology.VHOST);
		node.put("durable", queue.isDurable());
		node.put("auto_delete", queue.isAutoDelete());
		ObjectNode arguments = node.putObject("arguments");
		queue.getArguments().forEach((key, value) -> arguments.set(key, JSON.valueToTree(value)));
	}

	private static void addBinding(ArrayNode bindings, Binding binding) {
		ObjectNode node = bindings.addObject();
		node.put("source", binding.getExchange());
		node.put("vhost", FluxTopology.VHOST);
		node.put("destination", binding.getDestination());
		node.put("destination_type", binding.getDestinationType().name().toLowerCase(java.util.Locale.ROOT));
		node.put("routing_key", binding.getRoutingKey());
		node.putObject("arguments");
	}

}
