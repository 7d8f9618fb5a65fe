package dev.flux.events.consumer;

import org.junit.jupiter.api.Test;

import dev.flux.events.EventEnvelope;
import dev.flux.events.sample.SampleHappened;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventHandlerTests {

	@Test
	void takesThePayloadTypeFromTheTypeArgumentItsClassNames() {
		assertThat(new Direct().payloadType()).isEqualTo(SampleHappened.class);
	}

	@Test
	void takesThePayloadTypeThroughAGenericBaseClass() {
		assertThat(new ThroughBase().payloadType()).isEqualTo(SampleHappened.class);
	}

	@Test
	void refusesAHandlerThatLeavesThePayloadTypeOpenWithAMessageSayingWhatToDo() {
		EventHandler<SampleHappened> lambda = (payload, envelope) -> {
		};
		assertThatIllegalStateException().isThrownBy(lambda::payloadType)
			.withMessageContaining("declare it as a class implementing EventHandler<Payload>");
	}

	static final class Direct implements EventHandler<SampleHappened> {

		@Override
		public void handle(SampleHappened payload, EventEnvelope envelope) {
		}

	}

	abstract static class Base<P> implements EventHandler<P> {

		@Override
		public void handle(P payload, EventEnvelope envelope) {
		}

	}

	static final class ThroughBase extends Base<SampleHappened> {

	}

}
