package dev.flux.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.flux.events.topology.FluxTopology;

import static org.awaitility.Awaitility.await;

/**
 * A private queue bound to the chat's events that records what the chat-service
 * publishes, so tests assert on the wire. Its name sits among the chat-service's own
 * resources, which is what the service's broker user may declare.
 */
final class EventTap implements AutoCloseable {

	private final AmqpAdmin admin;

	private final RabbitTemplate rabbit;

	private final String queue;

	private final List<String> received = new ArrayList<>();

	EventTap(AmqpAdmin admin, RabbitTemplate rabbit) {
		this.admin = admin;
		this.rabbit = rabbit;
		this.queue = "chat.service.tap." + UUID.randomUUID();
		admin.declareQueue(new Queue(this.queue, false, false, false));
		for (String key : List.of("server.#", "channel.#", "role.#", "message.#", "relationship.#", "dm.#",
				"read_state.#")) {
			admin.declareBinding(
					new Binding(this.queue, Binding.DestinationType.QUEUE, FluxTopology.EVENTS_EXCHANGE, key, null));
		}
	}

	/**
	 * Waits until an event matching {@code which} arrived, and returns every one that
	 * did.
	 */
	List<String> until(Predicate<String> which) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			drain();
			return List.copyOf(this.received);
		}, (events) -> events.stream().anyMatch(which));
	}

	/** The events of {@code type} about {@code aggregateId} received so far. */
	static Predicate<String> is(String type, String aggregateId) {
		return (event) -> type.equals(JsonPath.read(event, "$.type"))
				&& aggregateId.equals(JsonPath.read(event, "$.aggregateId"));
	}

	private void drain() {
		Message message;
		while ((message = this.rabbit.receive(this.queue, 100)) != null) {
			this.received.add(new String(message.getBody(), StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() {
		this.admin.deleteQueue(this.queue);
	}

}
