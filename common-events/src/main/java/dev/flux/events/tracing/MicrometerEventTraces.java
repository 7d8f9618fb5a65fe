package dev.flux.events.tracing;

import java.util.Map;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * {@link EventTraces} with Micrometer Tracing (the OpenTelemetry bridge in the services):
 * spans named {@code outbox append <type>}, {@code publish <type>} and
 * {@code handle <type>}, their context carried as W3C {@code traceparent}.
 */
public final class MicrometerEventTraces implements EventTraces {

	private static final String TRACEPARENT = CorrelationFilter.TRACEPARENT_HEADER;

	private final Tracer tracer;

	private final Propagator propagator;

	private final boolean w3c;

	public MicrometerEventTraces(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.w3c = propagator.fields().contains(TRACEPARENT);
	}

	@Override
	public @Nullable String appended(String type, @Nullable String traceparent) {
		Span current = this.tracer.currentSpan();
		if (this.w3c && current != null && Boolean.FALSE.equals(current.context().sampled())) {
			return traceparent(current.context());
		}
		if (this.w3c && current == null && unsampled(traceparent)) {
			return traceparent;
		}
		String name = "outbox append " + type;
		Span span = (current != null) ? this.tracer.nextSpan().name(name).tag("flux.event.type", type).start()
				: child(traceparent).name(name).tag("flux.event.type", type).start();
		try {
			return traceparent(span.context());
		}
		finally {
			span.end();
		}
	}

	@Override
	public @Nullable String published(String type, @Nullable String traceparent) {
		if (this.w3c && unsampled(traceparent)) {
			return traceparent;
		}
		Span span = child(traceparent).name("publish " + type)
			.kind(Span.Kind.PRODUCER)
			.tag("flux.event.type", type)
			.remoteServiceName("rabbitmq")
			.start();
		try {
			return traceparent(span.context());
		}
		finally {
			span.end();
		}
	}

	@Override
	public Handling handling(String type, @Nullable String traceparent) {
		if (this.w3c && unsampled(traceparent)) {
			// The caller's context is made current as it came, so logs still name the
			// trace, without a consumer span that would record nothing.
			TraceContext context = this.tracer.traceContextBuilder()
				.traceId(traceparent.substring(3, 35))
				.spanId(traceparent.substring(36, 52))
				.sampled(false)
				.build();
			CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(context);
			return new Handling(traceparent, scope::close);
		}
		Span span = child(traceparent).name("handle " + type)
			.kind(Span.Kind.CONSUMER)
			.tag("flux.event.type", type)
			.start();
		Tracer.SpanInScope scope = this.tracer.withSpan(span);
		return new Handling(traceparent(span.context()), () -> {
			scope.close();
			span.end();
		});
	}

	/** A span continuing the given context, or a new trace when there is none. */
	private Span.Builder child(@Nullable String traceparent) {
		return (traceparent != null) ? this.propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
				: this.tracer.spanBuilder();
	}

	/**
	 * The context's W3C traceparent, written directly: what the propagator writes into a
	 * carrier map, without the map and the conversions, once for every span. None when
	 * the propagator does not speak W3C or the context is not valid, as before.
	 */
	private @Nullable String traceparent(TraceContext context) {
		if (!this.w3c || !valid(context.traceId(), 32) || !valid(context.spanId(), 16)) {
			return null;
		}
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

	/**
	 * Whether the traceparent is a well-formed W3C one of a trace not sampled. Its spans
	 * would record nothing and, sampling being parent-based, every span after them would
	 * stay unsampled: such a context is passed on as it came, without a span of its own
	 * (nine requests in ten; a span each was a twentieth of the relay's work).
	 */
	private static boolean unsampled(@Nullable String traceparent) {
		return traceparent != null && traceparent.length() == 55 && traceparent.startsWith("00-")
				&& traceparent.endsWith("-00") && traceparent.charAt(35) == '-'
				&& valid(traceparent.substring(3, 35), 32) && valid(traceparent.substring(36, 52), 16);
	}

	/** Lower-case hex of the length W3C wants, not all zeros. */
	private static boolean valid(String id, int length) {
		if (id.length() != length) {
			return false;
		}
		boolean zeros = true;
		for (int i = 0; i < length; i++) {
			char c = id.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
			zeros &= c == '0';
		}
		return !zeros;
	}

}
