package dev.flux.events.consumer;

import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's meters count per consumer and event type, registered once each. */
class ConsumerMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsEachTypeOnItsOwnCounterAndEveryHandlingInTheLag() {
		ConsumerMetrics metrics = new ConsumerMetrics(this.registry, "sample", 2);
		ConsumerMetrics other = new ConsumerMetrics(this.registry, "other", 2);

		metrics.handled("a.happened", Instant.now());
		metrics.handled("a.happened", Instant.now());
		metrics.handled("b.happened", Instant.now());
		other.handled("a.happened", Instant.now());
		metrics.duplicate("a.happened");
		metrics.ignored("c.happened");
		metrics.ignored("c.happened");

		assertThat(count("flux.consumer.handled", "sample", "a.happened")).isEqualTo(2);
		assertThat(count("flux.consumer.handled", "sample", "b.happened")).isEqualTo(1);
		assertThat(count("flux.consumer.handled", "other", "a.happened")).isEqualTo(1);
		assertThat(count("flux.consumer.duplicates", "sample", "a.happened")).isEqualTo(1);
		assertThat(count("flux.consumer.ignored", "sample", "c.happened")).isEqualTo(2);
		assertThat(this.registry.get("flux.consumer.lag").tag("consumer", "sample").timer().count()).isEqualTo(3);
		assertThat(this.registry.get("flux.consumer.handled").counters()).hasSize(3);
	}

	private double count(String name, String consumer, String type) {
		return this.registry.get(name).tag("consumer", consumer).tag("type", type).counter().count();
	}

}
