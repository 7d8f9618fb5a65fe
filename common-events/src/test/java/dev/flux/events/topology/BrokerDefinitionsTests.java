package dev.flux.events.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.testsupport.FluxInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker definitions that docker-compose and ./flux load come from the same topology
 * the services declare: regenerate them with
 * {@code ./mvnw -pl common-events test -Dtest=BrokerDefinitionsTests -Dflux.writeDefinitions=true}.
 */
class BrokerDefinitionsTests {

	private static final Path FILE = FluxInfrastructure.projectRoot().resolve("deploy/rabbitmq/definitions.json");

	@Test
	void definitionsFileIsRenderedFromTheTopology() throws IOException {
		String rendered = BrokerDefinitions.render(FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS),
				passwordHashes());
		if (Boolean.getBoolean("flux.writeDefinitions")) {
			Files.writeString(FILE, rendered);
		}

		assertThat(Files.readString(FILE))
			.as("deploy/rabbitmq/definitions.json is out of date; see this test's Javadoc")
			.isEqualTo(rendered);
	}

	@Test
	void everyServiceUserMayTouchOnlyTheEventExchangesAndItsOwnResources() {
		String pattern = BrokerDefinitions.permissionOf("user");

		assertThat(List.of("app.events", "app.events.dlx", "app.events.replay", "user.service.queue",
				"user.service.partitions", "user.service.queue.0", "user.service.retry", "user.service.retry.5s",
				"user.service.queue.dlq"))
			.allSatisfy((name) -> assertThat(name).matches(pattern));
		assertThat(List.of("notification.service.queue", "auth.service.queue", "app.events.other", "amq.default", ""))
			.allSatisfy((name) -> assertThat(name).doesNotMatch(pattern));
	}

	@Test
	void retriesComeBackThroughAnExchangeTheServiceMayWriteTo() {
		// Found by the system tests: with retry tiers of its own
		// (FLUX_EVENTS_CONSUMER_RETRY_TIERS)
		// a service declares its retry queues itself, and the broker refused a
		// dead-letter
		// target on the default exchange, which no service user may write to.
		ConsumerQueue queue = FluxTopology.standard(List.of(java.time.Duration.ofSeconds(3)))
			.queueOf("user")
			.orElseThrow();

		assertThat((String) queue.retryArguments(0).get("x-dead-letter-exchange"))
			.matches(BrokerDefinitions.permissionOf("user"));
		assertThat(queue.retryArguments(0)).containsEntry("x-dead-letter-routing-key", "user.service.queue");
		assertThat(FluxTopology.declarables(queue)).anySatisfy((declarable) -> assertThat(declarable)
			.isInstanceOfSatisfying(org.springframework.amqp.core.Binding.class, (binding) -> {
				assertThat(binding.getExchange()).isEqualTo("user.service.retry");
				assertThat(binding.getRoutingKey()).isEqualTo("user.service.queue");
				assertThat(binding.getDestination()).isEqualTo("user.service.partitions");
			}));
	}

	@Test
	void eachServiceQueueIsPartitionsWithOneActiveConsumerBehindAConsistentHashOfTheAggregate() {
		ConsumerQueue queue = FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS).queueOf("user").orElseThrow();
		List<org.springframework.amqp.core.Declarable> declarables = FluxTopology.declarables(queue);

		assertThat(queue.partitionNames()).containsExactly("user.service.queue.0", "user.service.queue.1",
				"user.service.queue.2", "user.service.queue.3");
		assertThat(declarables).filteredOn(org.springframework.amqp.core.Exchange.class::isInstance)
			.map(org.springframework.amqp.core.Exchange.class::cast)
			.filteredOn((exchange) -> exchange.getName().equals("user.service.partitions"))
			.singleElement()
			.satisfies((exchange) -> {
				assertThat(exchange.getType()).isEqualTo("x-consistent-hash");
				assertThat(exchange.getArguments()).containsEntry("hash-header", FluxTopology.AGGREGATE_HEADER);
			});
		assertThat(declarables).filteredOn(org.springframework.amqp.core.Queue.class::isInstance)
			.map(org.springframework.amqp.core.Queue.class::cast)
			.filteredOn((declared) -> queue.partitionNames().contains(declared.getName()))
			.hasSize(4)
			.allSatisfy((partition) -> assertThat(partition.getArguments()).containsEntry("x-queue-type", "quorum")
				.containsEntry("x-single-active-consumer", true)
				.containsEntry("x-dead-letter-routing-key", "user.service.queue"));
		assertThat(declarables).filteredOn(org.springframework.amqp.core.Binding.class::isInstance)
			.map(org.springframework.amqp.core.Binding.class::cast)
			.filteredOn((binding) -> binding.getDestination().equals("user.service.partitions"))
			.extracting((binding) -> binding.getExchange() + " " + binding.getRoutingKey())
			.as("events, replays and returning retries go through the hash")
			.containsExactlyInAnyOrder("app.events user.created", "app.events user.updated", "app.events user.deleted",
					"app.events presence.*", "app.events.replay user.service.queue",
					"user.service.retry user.service.queue");
	}

	@Test
	void queuesFollowTheDesign() {
		FluxTopology topology = FluxTopology.standard(FluxTopology.DEFAULT_RETRY_TIERS);

		assertThat(topology.queueOf("user")).hasValueSatisfying((queue) -> {
			assertThat(queue.name()).isEqualTo("user.service.queue");
			assertThat(queue.bindingKeys()).containsExactly("user.created", "user.updated", "user.deleted",
					"presence.*");
			assertThat(queue.retryQueue(0)).isEqualTo("user.service.retry.1s");
			assertThat(queue.retryQueue(4)).isEqualTo("user.service.retry.10m");
			assertThat(queue.deadLetterQueue()).isEqualTo("user.service.queue.dlq");
		});
		assertThat(topology.queueOf("notification"))
			.hasValueSatisfying((queue) -> assertThat(queue.bindingKeys()).containsExactly("user.*", "profile.*",
					"message.*", "server.*", "channel.*", "role.*", "relationship.*", "dm.*", "read_state.*"));
		assertThat(topology.queueOf("chat")).hasValueSatisfying((queue) -> {
			assertThat(queue.name()).isEqualTo("chat.service.queue");
			assertThat(queue.bindingKeys()).containsExactly("user.created", "user.updated", "user.deleted",
					"profile.updated", "profile.privacy_updated");
		});
		assertThat(topology.queueOf("auth")).isEmpty();
	}

	private static Map<String, String> passwordHashes() throws IOException {
		JsonNode definitions = JsonMapper.builder().build().readTree(Files.readString(FILE));
		Map<String, String> hashes = new HashMap<>();
		definitions.get("users")
			.forEach((user) -> hashes.put(user.get("name").asString(), user.get("password_hash").asString()));
		return hashes;
	}

}
