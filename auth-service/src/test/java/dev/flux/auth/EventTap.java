package dev.flux.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import dev.flux.events.topology.FluxTopology;

/**
 * A private queue bound to {@code app.events} that records what the auth-service
 * publishes, so tests can assert on the wire.
 */
public final class EventTap implements AutoCloseable {

	private final AmqpAdmin admin;

	private final RabbitTemplate rabbit;

	private final String queue;

	private final List<Message> received = new ArrayList<>();

	private boolean closed;

	public EventTap(AmqpAdmin admin, RabbitTemplate rabbit, String... routingKeys) {
		this.admin = admin;
		this.rabbit = rabbit;
		this.queue = "auth.service.tap." + UUID.randomUUID();
		admin.declareQueue(new Queue(this.queue, false, false, false));
		for (String key : routingKeys) {
			Binding binding = BindingBuilder.bind(new Queue(this.queue))
				.to(new TopicExchange(FluxTopology.EVENTS_EXCHANGE))
				.with(key);
			admin.declareBinding(binding);
		}
	}

	/**
	 * Waits for the first event of a type whose JSON body matches, and returns its body.
	 */
	public String await(String type, Predicate<String> matching) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> find(type, matching), (found) -> found != null);
	}

	/**
	 * Every event of a type received so far (after draining what is queued) that matches.
	 */
	public List<String> all(String type, Predicate<String> matching) {
		drain(Duration.ZERO);
		return this.received.stream()
			.filter((message) -> type.equals(message.getMessageProperties().getType()))
			.map(EventTap::body)
			.filter(matching)
			.toList();
	}

	/** Receives for up to {@code quiet} more, to catch a late duplicate. */
	public void drain(Duration quiet) {
		Message message;
		while ((message = quiet.isZero() ? this.rabbit.receive(this.queue)
				: this.rabbit.receive(this.queue, quiet.toMillis())) != null) {
			this.received.add(message);
		}
	}

	private String find(String type, Predicate<String> matching) {
		drain(Duration.ofMillis(200));
		return this.received.stream()
			.filter((message) -> type.equals(message.getMessageProperties().getType()))
			.map(EventTap::body)
			.filter(matching)
			.findFirst()
			.orElse(null);
	}

	public static Predicate<String> about(UUID userId) {
		return (body) -> userId.toString().equals(JsonPath.read(body, "$.aggregateId"));
	}

	public static String body(Message message) {
		return new String(message.getBody(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.admin.deleteQueue(this.queue);
		}
	}

}
