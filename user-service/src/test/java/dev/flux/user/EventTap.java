package dev.flux.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.flux.events.topology.FluxTopology;

import static org.awaitility.Awaitility.await;

/**
 * A private queue bound to {@code profile.updated} that records what the user-service
 * publishes about one user, so tests assert on the wire (auth-service's tests have the
 * same tap).
 */
final class EventTap implements AutoCloseable {

	private final AmqpAdmin admin;

	private final RabbitTemplate rabbit;

	private final String queue;

	private final UUID userId;

	private final List<String> received = new ArrayList<>();

	EventTap(AmqpAdmin admin, RabbitTemplate rabbit, UUID userId, String routingKey) {
		this.admin = admin;
		this.rabbit = rabbit;
		this.userId = userId;
		this.queue = "user.service.tap." + UUID.randomUUID();
		admin.declareQueue(new Queue(this.queue, false, false, false));
		admin.declareBinding(
				new Binding(this.queue, Binding.DestinationType.QUEUE, FluxTopology.EVENTS_EXCHANGE, routingKey, null));
	}

	/** Waits until {@code count} events about the user arrived and returns them. */
	List<String> atLeast(int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			drain(Duration.ofMillis(100));
			return List.copyOf(this.received);
		}, (events) -> events.size() >= count);
	}

	/** Everything about the user so far, after waiting {@code quiet} for stragglers. */
	List<String> all(Duration quiet) {
		drain(quiet);
		return List.copyOf(this.received);
	}

	private void drain(Duration wait) {
		Message message;
		while ((message = this.rabbit.receive(this.queue, wait.toMillis())) != null) {
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			if (this.userId.toString().equals(JsonPath.read(body, "$.aggregateId"))) {
				this.received.add(body);
			}
		}
	}

	@Override
	public void close() {
		this.admin.deleteQueue(this.queue);
	}

}
