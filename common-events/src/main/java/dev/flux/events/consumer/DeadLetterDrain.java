package dev.flux.events.consumer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Moves messages from the service's dead-letter queue into the dead-letter table, where
 * operators can list, replay and discard them; acknowledges each only after its row is
 * committed. Messages the broker dead-lettered itself (delivery limit) carry no Flux
 * headers: their reason comes from the broker's {@code x-death} header.
 */
final class DeadLetterDrain implements ChannelAwareMessageListener {

	private final String queue;

	private final DeadLetterStore store;

	DeadLetterDrain(String queue, DeadLetterStore store) {
		this.queue = queue;
		this.store = store;
	}

	@Override
	public void onMessage(Message message, Channel channel) throws Exception {
		MessageProperties properties = message.getMessageProperties();
		Map<String, Object> headers = new LinkedHashMap<>();
		properties.getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
		String errorClass = header(properties, FluxHeaders.ERROR_CLASS);
		String routingKey = header(properties, FluxHeaders.ORIGINAL_ROUTING_KEY);
		int attempts = FailureRouter.attempts(message);
		if (errorClass == null) {
			errorClass = "broker: " + brokerReason(properties);
			Object deliveries = properties.getHeader("x-delivery-count");
			attempts = Math.max(attempts, (deliveries instanceof Number number) ? number.intValue() + 1 : 1);
		}
		String firstFailedAt = header(properties, FluxHeaders.FIRST_FAILED_AT);
		String deadAt = header(properties, FluxHeaders.DEAD_AT);
		this.store.insert(this.queue, properties.getMessageId(), properties.getType(),
				(routingKey != null) ? routingKey : String.valueOf(properties.getReceivedRoutingKey()), headers,
				message.getBody(), errorClass, header(properties, FluxHeaders.ERROR_MESSAGE), attempts,
				(firstFailedAt != null) ? Instant.parse(firstFailedAt) : null,
				(deadAt != null) ? Instant.parse(deadAt) : Instant.now());
		channel.basicAck(properties.getDeliveryTag(), false);
	}

	private static String brokerReason(MessageProperties properties) {
		List<Map<String, ?>> deaths = properties.getXDeathHeader();
		if (deaths == null || deaths.isEmpty()) {
			return "dead-lettered";
		}
		return String.valueOf(deaths.getFirst().get("reason"));
	}

	private static @Nullable String header(MessageProperties properties, String name) {
		Object value = properties.getHeader(name);
		return (value != null) ? value.toString() : null;
	}

}
