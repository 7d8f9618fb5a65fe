package dev.flux.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.flux.events.EventEnvelope;
import dev.flux.events.EventType;
import dev.flux.events.contract.EventCatalog;
import dev.flux.events.contract.EventCodec;
import dev.flux.events.contract.SchemaViolationException;
import dev.flux.events.tracing.EventContext;
import dev.flux.events.tracing.EventTraces;

/**
 * The outbox as rows of {@code flux_events.outbox_events}, written with the caller's
 * connection.
 */
final class JdbcOutbox implements Outbox {

	private static final Logger logger = LoggerFactory.getLogger(JdbcOutbox.class);

	private final OutboxStore store;

	private final EventCodec codec;

	private final EventCatalog catalog;

	private final String producer;

	private final Clock clock;

	private EventTraces traces = EventTraces.NONE;

	JdbcOutbox(OutboxStore store, EventCodec codec, EventCatalog catalog, String producer, Clock clock) {
		this.store = store;
		this.codec = codec;
		this.catalog = catalog;
		this.producer = producer;
		this.clock = clock;
	}

	/** The spans of appends; none until the configuration sets a tracer's. */
	void traces(EventTraces traces) {
		this.traces = traces;
	}

	@Override
	public EventEnvelope append(String aggregateId, long aggregateVersion, Object payload) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"Outbox.append needs the transaction of the change the event reports; none is active");
		}
		EventType type = this.catalog.typeOf(payload.getClass());
		EventContext context = EventContext.current().orElseGet(() -> new EventContext(UUID.randomUUID(), null, null));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		EventEnvelope envelope;
		try {
			envelope = this.codec.envelope(payload, UUID.randomUUID(), now, this.producer, aggregateId,
					aggregateVersion, context.correlationId(), context.causationId());
			this.codec.validate(envelope);
		}
		catch (SchemaViolationException ex) {
			// A bug of this service: what it accepted, its own contract refuses. The
			// exception
			// rolls the whole change back; the violations name fields, never values.
			logger.error("Refused to append {} v{} about {}: it breaks its JSON Schema: {}", type.value(),
					type.version(), aggregateId, ex.violations());
			throw ex;
		}
		this.store.insert(envelope.eventId(), envelope.type(), envelope.version(), aggregateId, aggregateVersion,
				envelope.correlationId(), this.traces.appended(envelope.type(), context.traceparent()),
				type.sensitive(), new String(this.codec.toJson(envelope), StandardCharsets.UTF_8));
		return envelope;
	}

	@Override
	public int erase(String aggregateId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"Outbox.erase needs the transaction that deletes the aggregate; none is active");
		}
		return this.store.erase(aggregateId);
	}

}
