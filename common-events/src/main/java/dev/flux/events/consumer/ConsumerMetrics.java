package dev.flux.events.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The consumer's Micrometer meters: handled, duplicates, ignored, retried, dead-lettered,
 * and the lag from an event's occurrence to its handling.
 */
final class ConsumerMetrics {

	private final MeterRegistry registry;

	private final String consumer;

	/**
	 * The per-event counters by type, registered once: building and registering them for
	 * every event was a few percent of the consumer's CPU.
	 */
	private final Map<String, Counter> handled = new ConcurrentHashMap<>();

	private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

	private final Map<String, Counter> ignored = new ConcurrentHashMap<>();

	private final Timer lag;

	/**
	 * Registers the retry and dead-letter counters at 0 from the start, so that their
	 * rate is 0 rather than no data until the first failure.
	 */
	ConsumerMetrics(MeterRegistry registry, String consumer, int retryTiers) {
		this.registry = registry;
		this.consumer = consumer;
		for (int tier = 0; tier < retryTiers; tier++) {
			retriedCounter(tier);
		}
		deadLetteredCounter();
		this.lag = Timer.builder("flux.consumer.lag")
			.description("From the event's occurrence at its producer to its handling here")
			.tag("consumer", this.consumer)
			.publishPercentileHistogram()
			.register(this.registry);
	}

	void handled(String type, Instant occurredAt) {
		typeCounter(this.handled, "flux.consumer.handled", "Events handled and committed", type).increment();
		this.lag.record(Duration.between(occurredAt, Instant.now()));
	}

	void duplicate(String type) {
		typeCounter(this.duplicates, "flux.consumer.duplicates",
				"Deliveries skipped because the event was already handled", type)
			.increment();
	}

	void ignored(String type) {
		typeCounter(this.ignored, "flux.consumer.ignored", "Events of a type this service has no handler for", type)
			.increment();
	}

	void retried(int tier) {
		retriedCounter(tier).increment();
	}

	void batch(int size) {
		DistributionSummary.builder("flux.consumer.batch.size")
			.description("Events committed together in one transaction and acknowledged at once")
			.tag("consumer", this.consumer)
			.register(this.registry)
			.record(size);
	}

	void deadLettered() {
		deadLetteredCounter().increment();
	}

	private Counter retriedCounter(int tier) {
		return counter("flux.consumer.retried", "Failed deliveries sent to a retry tier", "tier", String.valueOf(tier));
	}

	private Counter typeCounter(Map<String, Counter> counters, String name, String description, String type) {
		return counters.computeIfAbsent(type, (key) -> counter(name, description, "type", type));
	}

	private Counter deadLetteredCounter() {
		return Counter.builder("flux.consumer.dead.lettered")
			.description("Messages sent to the dead-letter queue")
			.tag("consumer", this.consumer)
			.register(this.registry);
	}

	private Counter counter(String name, String description, String tag, String value) {
		return Counter.builder(name)
			.description(description)
			.tag("consumer", this.consumer)
			.tag(tag, value)
			.register(this.registry);
	}

}
