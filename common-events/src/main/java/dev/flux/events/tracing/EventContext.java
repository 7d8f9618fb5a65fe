package dev.flux.events.tracing;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What ties events to what caused them, for the current thread: the correlation id of the
 * request, the event being handled (the causation of any event appended now) and the W3C
 * traceparent. Opened by the HTTP filter and by consumers; read by the outbox.
 *
 * @param correlationId shared by everything one request caused
 * @param causationId the event being handled, if any
 * @param traceparent the W3C trace context, if any
 */
public record EventContext(UUID correlationId, @Nullable UUID causationId, @Nullable String traceparent) {

	/** The MDC key of the correlation id in every log line written inside a context. */
	public static final String MDC_CORRELATION_ID = "correlationId";

	/** The MDC key of the W3C traceparent. */
	public static final String MDC_TRACEPARENT = "traceparent";

	private static final ThreadLocal<EventContext> CURRENT = new ThreadLocal<>();

	/** The context of this thread, if one is open. */
	public static Optional<EventContext> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Opens this context on the current thread until the returned scope is closed. */
	public Scope open() {
		EventContext previous = CURRENT.get();
		CURRENT.set(this);
		MDC.put(MDC_CORRELATION_ID, this.correlationId.toString());
		putOrRemove(MDC_TRACEPARENT, this.traceparent);
		return () -> {
			if (previous != null) {
				CURRENT.set(previous);
				MDC.put(MDC_CORRELATION_ID, previous.correlationId.toString());
				putOrRemove(MDC_TRACEPARENT, previous.traceparent);
			}
			else {
				CURRENT.remove();
				MDC.remove(MDC_CORRELATION_ID);
				MDC.remove(MDC_TRACEPARENT);
			}
		};
	}

	private static void putOrRemove(String key, @Nullable String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

	/** An open context; closing it restores the one before. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
