package dev.flux.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.beans.DirectFieldAccessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a batching container waits for its next delivery, read from the container as
 * its consumer thread would between deliveries.
 */
class BatchLingerTests {

	private final List<List<Message>> batches = new ArrayList<>();

	private final ChannelAwareBatchMessageListener listener = (messages, channel) -> this.batches.add(messages);

	@Test
	void aBatchTakesWhatWasDeliveredAndNeverWaitsForMore() {
		SimpleMessageListenerContainer container = container(Duration.ZERO);
		assertThat(receiveTimeout(container)).as("the wait for a first delivery").isEqualTo(1000);
		for (int i = 0; i < 5; i++) {
			processor(container).postProcessMessage(message());
			assertThat(receiveTimeout(container)).as("the wait after delivery %d of a batch", i + 1).isZero();
		}
		listener(container).onMessageBatch(List.of(message()), null);
		assertThat(receiveTimeout(container)).as("the wait for the next batch's first delivery").isEqualTo(1000);
		assertThat(this.batches).hasSize(1);
	}

	@Test
	void aPositiveLingerLetsAFillingBatchWaitFromItsFirstDelivery() {
		SimpleMessageListenerContainer container = container(Duration.ofSeconds(10));
		processor(container).postProcessMessage(message());
		assertThat(receiveTimeout(container)).as("a lone delivery does not wait").isZero();
		processor(container).postProcessMessage(message());
		assertThat(receiveTimeout(container)).as("a filling batch waits what is left of the linger")
			.isBetween(9000L, 10000L);
	}

	private SimpleMessageListenerContainer container(Duration linger) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(new CachingConnectionFactory());
		BatchLinger.apply(container, this.listener, linger, (event) -> {
		});
		return container;
	}

	private static long receiveTimeout(SimpleMessageListenerContainer container) {
		Object timeout = new DirectFieldAccessor(container).getPropertyValue("receiveTimeout");
		return (timeout instanceof Long value) ? value : -1;
	}

	/** The post-processor the container runs on each delivery, and its listener. */
	private static BatchLinger processor(SimpleMessageListenerContainer container) {
		return (BatchLinger) container.getMessageListener();
	}

	private static BatchLinger listener(SimpleMessageListenerContainer container) {
		return processor(container);
	}

	private static Message message() {
		return new Message(new byte[0], new MessageProperties());
	}

}
