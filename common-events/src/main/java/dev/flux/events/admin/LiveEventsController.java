package dev.flux.events.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.events.topology.FluxTopology;
import dev.flux.events.topology.ServiceIdentity;

/**
 * The live stream of every event on {@code app.events}, as server-sent events, for
 * operators (and the operator console): each subscriber gets a temporary queue of the
 * service's own ({@code <service>.service.live.<uuid>}, exclusive, deleted with its
 * channel) bound to every routing key. Only the envelope's metadata is sent, never a
 * payload, so sensitive events show their type and nothing else.
 */
@RestController
class LiveEventsController {

	private static final Logger logger = LoggerFactory.getLogger(LiveEventsController.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A stream ends after this long; EventSource clients reconnect by themselves. */
	private static final long STREAM_MILLIS = 30 * 60 * 1000L;

	private final ConnectionFactory connections;

	private final ServiceIdentity identity;

	LiveEventsController(ConnectionFactory connections, ServiceIdentity identity) {
		this.connections = connections;
		this.identity = identity;
	}

	@GetMapping(path = "/admin/events/stream", produces = "text/event-stream")
	SseEmitter stream() throws IOException {
		SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
		Connection connection = this.connections.createConnection();
		Channel channel = connection.createChannel(false);
		String queue = this.identity.service() + ".service.live." + UUID.randomUUID();
		channel.queueDeclare(queue, false, true, true, Map.of("x-queue-type", "classic"));
		channel.queueBind(queue, FluxTopology.EVENTS_EXCHANGE, "#");
		Runnable close = () -> closeQuietly(channel);
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError((ex) -> close.run());
		channel.basicConsume(queue, true, new DefaultConsumer(channel) {

			@Override
			public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
				try {
					emitter.send(SseEmitter.event().name("event").data(summary(envelope, body)));
				}
				catch (IOException | IllegalStateException ex) {
					close.run();
				}
			}

		});
		emitter.send(SseEmitter.event().name("subscribed").data(Map.of("queue", queue)));
		return emitter;
	}

	/** What an operator sees of an event: who sent what about which aggregate. */
	static Map<String, Object> summary(Envelope delivery, byte[] body) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("routingKey", delivery.getRoutingKey());
		try {
			JsonNode envelope = JSON.readTree(body);
			for (String field : new String[] { "eventId", "type", "version", "occurredAt", "producer", "aggregateId",
					"aggregateVersion", "correlationId", "causationId" }) {
				JsonNode value = envelope.path(field);
				summary.put(field, value.isMissingNode() || value.isNull() ? null : value.asString());
			}
		}
		catch (RuntimeException ex) {
			summary.put("unreadable", ex.getClass().getSimpleName());
		}
		return summary;
	}

	private static void closeQuietly(Channel channel) {
		try {
			if (channel.isOpen()) {
				channel.close();
			}
		}
		catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ex) {
			logger.debug("Closing a live events channel failed: {}", ex.toString());
		}
	}

}
