package dev.flux.events.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The consumer's Micrometer counters: handled, duplicates, ignored, retried,
 * dead-lettered.
 */
final class ConsumerMetrics {

	private final MeterRegistry registry;

	private final String consumer;

	ConsumerMetrics(MeterRegistry registry, String consumer) {
		this.registry = registry;
		this.consumer = consumer;
	}

	void handled(String type) {
		counter("flux.consumer.handled", "Events handled and committed", "type", type).increment();
	}

	void duplicate(String type) {
		counter("flux.consumer.duplicates", "Deliveries skipped because the event was already handled", "type", type)
			.increment();
	}

	void ignored(String type) {
		counter("flux.consumer.ignored", "Events of a type this service has no handler for", "type", type).increment();
	}

	void retried(int tier) {
		counter("flux.consumer.retried", "Failed deliveries sent to a retry tier", "tier", String.valueOf(tier))
			.increment();
	}

	void batch(int size) {
		DistributionSummary.builder("flux.consumer.batch.size")
			.description("Events committed together in one transaction and acknowledged at once")
			.tag("consumer", this.consumer)
			.register(this.registry)
			.record(size);
	}

	void deadLettered() {
		Counter.builder("flux.consumer.dead.lettered")
			.description("Messages sent to the dead-letter queue")
			.tag("consumer", this.consumer)
			.register(this.registry)
			.increment();
	}

	private Counter counter(String name, String description, String tag, String value) {
		return Counter.builder(name)
			.description(description)
			.tag("consumer", this.consumer)
			.tag(tag, value)
			.register(this.registry);
	}

}
