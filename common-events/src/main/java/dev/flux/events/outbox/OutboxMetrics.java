package dev.flux.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.flux.events.outbox.OutboxStore.OutboxStats;

/**
 * The outbox's Micrometer meters: pending count and oldest pending age (read from the
 * table at most once a second), published count (its rate is the throughput), publish
 * latency from commit to confirm, and failures by kind.
 */
final class OutboxMetrics {

	private final MeterRegistry registry;

	private final Counter published;

	private final Timer latency;

	private final CachedStats stats;

	OutboxMetrics(MeterRegistry registry, OutboxStore store) {
		this.registry = registry;
		this.stats = new CachedStats(store);
		this.published = Counter.builder("flux.outbox.published")
			.description("Events confirmed by the broker and marked published")
			.register(registry);
		this.latency = Timer.builder("flux.outbox.publish.latency")
			.description("From the append's commit to the broker's confirm")
			.publishPercentileHistogram()
			.register(registry);
		gauge("flux.outbox.pending", "Events waiting to be published", (s) -> (double) s.pending());
		gauge("flux.outbox.oldest.pending.age", "Seconds the oldest pending event has waited",
				(s) -> (s.oldestPending() != null)
						? Duration.between(s.oldestPending(), Instant.now()).toMillis() / 1000.0 : 0.0);
		gauge("flux.outbox.failed", "Events the broker returned as unroutable, waiting for an operator",
				(s) -> (double) s.failed());
	}

	void recorded(List<PendingEvent> batch, PublishOutcome outcome) {
		this.published.increment(outcome.confirmed().size());
		Map<Long, PendingEvent> byId = batch.stream().collect(Collectors.toMap(PendingEvent::id, Function.identity()));
		Instant now = Instant.now();
		for (Long id : outcome.confirmed()) {
			this.latency.record(Duration.between(byId.get(id).createdAt(), now));
		}
		if (!outcome.returned().isEmpty()) {
			failure("unroutable").increment(outcome.returned().size());
		}
		if (!outcome.unconfirmed().isEmpty()) {
			failure("unconfirmed").increment(outcome.unconfirmed().size());
		}
	}

	void roundFailed(Exception ex) {
		failure((ex instanceof OutboxRelay.BrokerUnavailableException) ? "broker" : "database").increment();
	}

	OutboxStats stats() {
		return this.stats.get();
	}

	private Counter failure(String kind) {
		return Counter.builder("flux.outbox.failures")
			.description("Failed publish attempts by kind")
			.tag("kind", kind)
			.register(this.registry);
	}

	private void gauge(String name, String description, java.util.function.ToDoubleFunction<OutboxStats> value) {
		Gauge.builder(name, this.stats, (cached) -> value.applyAsDouble(cached.get()))
			.description(description)
			.register(this.registry);
	}

	/** Outbox counts, read again when older than a second. */
	static final class CachedStats {

		private final OutboxStore store;

		private OutboxStats value = new OutboxStats(0, null, 0);

		private long readAt;

		CachedStats(OutboxStore store) {
			this.store = store;
		}

		synchronized OutboxStats get() {
			long now = System.nanoTime();
			if (this.readAt == 0 || now - this.readAt > 1_000_000_000L) {
				try {
					this.value = this.store.stats();
					this.readAt = now;
				}
				catch (RuntimeException ex) {
					// The database is away: report the last counts; health says what is
					// wrong.
				}
			}
			return this.value;
		}

	}

}
