package dev.flux.events.consumer;

import java.time.Duration;
import java.time.Instant;

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
	}

	void handled(String type, Instant occurredAt) {
		counter("flux.consumer.handled", "Events handled and committed", "type", type).increment();
		Timer.builder("flux.consumer.lag")
			.description("From the event's occurrence at its producer to its handling here")
			.tag("consumer", this.consumer)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.between(occurredAt, Instant.now()));
	}

	void duplicate(String type) {
		counter("flux.consumer.duplicates", "Deliveries skipped because the event was already handled", "type", type)
			.increment();
	}

	void ignored(String type) {
		counter("flux.consumer.ignored", "Events of a type this service has no handler for", "type", type).increment();
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
