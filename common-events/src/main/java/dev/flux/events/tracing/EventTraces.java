package dev.flux.events.tracing;

import org.jspecify.annotations.Nullable;

/**
 * The spans of an event's life, so that a request and everything its events cause are one
 * trace: the outbox append (in the request's trace), the relay's publish (continuing the
 * trace stored with the outbox row) and each consumer's handling (continuing the
 * {@code traceparent} of the message). Without a tracer ({@link #NONE}) the W3C
 * traceparent passes through unchanged.
 */
public interface EventTraces {

	/** No tracer: traceparents pass through as they came. */
	EventTraces NONE = new EventTraces() {

		@Override
		public @Nullable String appended(String type, @Nullable String traceparent) {
			return traceparent;
		}

		@Override
		public @Nullable String published(String type, @Nullable String traceparent) {
			return traceparent;
		}

		@Override
		public Handling handling(String type, @Nullable String traceparent) {
			return new Handling(traceparent, () -> {
			});
		}

	};

	/**
	 * Records the append of an event in the current trace (the request's, or the handled
	 * event's).
	 * @param type the event type
	 * @param traceparent the context's traceparent, used when no span is current
	 * @return the traceparent to store with the outbox row
	 */
	@Nullable String appended(String type, @Nullable String traceparent);

	/**
	 * Records the relay's publish of a stored event.
	 * @param type the event type
	 * @param traceparent the one stored with the outbox row
	 * @return the traceparent for the message's header
	 */
	@Nullable String published(String type, @Nullable String traceparent);

	/**
	 * Opens the span of a consumer handling a message, current until closed.
	 * @param type the event type
	 * @param traceparent the message's header
	 */
	Handling handling(String type, @Nullable String traceparent);

	/**
	 * A consumer's span, open while the handler runs.
	 *
	 * @param traceparent its W3C trace context: events appended now continue it
	 * @param closer ends the span
	 */
	record Handling(@Nullable String traceparent, Runnable closer) implements AutoCloseable {

		@Override
		public void close() {
			this.closer.run();
		}

	}

}
