package dev.flux.events.consumer;

import java.time.Instant;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import dev.flux.events.topology.ConsumerQueue;
import dev.flux.events.topology.FluxTopology;

/**
 * Sends a message whose handling failed to the next retry tier, or to the dead-letter
 * exchange after its last attempt (at once for a non-retryable failure), with the error,
 * attempt count and times in Flux headers. Returns only once the broker confirmed it, so
 * that acknowledging the original afterwards cannot lose the message.
 */
final class FailureRouter {

	private static final int MAX_ERROR_LENGTH = 2000;

	private final ConfirmedSender sender;

	private final ConsumerQueue queue;

	private final ConsumerMetrics metrics;

	FailureRouter(ConfirmedSender sender, ConsumerQueue queue, ConsumerMetrics metrics) {
		this.sender = sender;
		this.queue = queue;
		this.metrics = metrics;
	}

	void retryOrDeadLetter(Message message, Exception cause) throws Exception {
		int attempts = attempts(message) + 1;
		if (attempts > this.queue.retryTiers().size()) {
			deadLetter(message, cause, attempts);
			return;
		}
		int tier = attempts - 1;
		send(this.queue.retryExchange(), this.queue.retryQueue(tier), failed(message, cause, attempts));
		this.metrics.retried(tier);
	}

	void deadLetter(Message message, Exception cause) throws Exception {
		deadLetter(message, cause, attempts(message) + 1);
	}

	private void deadLetter(Message message, Exception cause, int attempts) throws Exception {
		Message dead = failed(message, cause, attempts);
		dead.getMessageProperties().setHeader(FluxHeaders.DEAD_AT, Instant.now().toString());
		send(FluxTopology.DEAD_LETTER_EXCHANGE, this.queue.name(), dead);
		this.metrics.deadLettered();
	}

	private void send(String exchange, String routingKey, Message message) throws Exception {
		this.sender.send(exchange, routingKey, message);
	}

	/**
	 * A copy of the message for its next stop, its Flux headers updated and broker
	 * headers left out.
	 */
	private static Message failed(Message message, Exception cause, int attempts) {
		MessageProperties original = message.getMessageProperties();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(original.getMessageId());
		properties.setType(original.getType());
		properties.setCorrelationId(original.getCorrelationId());
		properties.setContentType(original.getContentType());
		properties.setContentEncoding(original.getContentEncoding());
		properties.setTimestamp(original.getTimestamp());
		properties.setAppId(original.getAppId());
		properties.setDeliveryMode(original.getDeliveryMode());
		original.getHeaders().forEach((name, value) -> {
			if (!name.startsWith("x-")) {
				properties.setHeader(name, value);
			}
		});
		if (original.getHeader(FluxHeaders.ORIGINAL_ROUTING_KEY) == null) {
			properties.setHeader(FluxHeaders.ORIGINAL_ROUTING_KEY, original.getReceivedRoutingKey());
		}
		if (original.getHeader(FluxHeaders.FIRST_FAILED_AT) == null) {
			properties.setHeader(FluxHeaders.FIRST_FAILED_AT, Instant.now().toString());
		}
		properties.setHeader(FluxHeaders.ATTEMPTS, attempts);
		properties.setHeader(FluxHeaders.ERROR_CLASS, cause.getClass().getName());
		properties.setHeader(FluxHeaders.ERROR_MESSAGE, truncate(String.valueOf(cause.getMessage())));
		return new Message(message.getBody(), properties);
	}

	static int attempts(Message message) {
		Object attempts = message.getMessageProperties().getHeader(FluxHeaders.ATTEMPTS);
		return (attempts instanceof Number number) ? number.intValue() : 0;
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
	}

}
