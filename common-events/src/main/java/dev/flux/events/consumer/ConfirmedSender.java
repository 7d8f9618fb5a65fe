package dev.flux.events.consumer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends one message and returns only when the broker confirmed it and did not return it.
 */
final class ConfirmedSender {

	private final RabbitTemplate rabbit;

	private final Duration confirmTimeout;

	ConfirmedSender(RabbitTemplate rabbit, Duration confirmTimeout) {
		this.rabbit = rabbit;
		this.confirmTimeout = confirmTimeout;
	}

	void send(String exchange, String routingKey, Message message) throws Exception {
		CorrelationData correlation = new CorrelationData(message.getMessageProperties().getMessageId());
		this.rabbit.send(exchange, routingKey, message, correlation);
		CorrelationData.Confirm confirm = correlation.getFuture()
			.get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!confirm.ack() || correlation.getReturned() != null) {
			throw new AmqpException("The broker did not take the message to " + exchange + "/" + routingKey + ": "
					+ ((correlation.getReturned() != null) ? "returned as unroutable" : confirm.reason()));
		}
	}

}
