package dev.flux.events.consumer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a service's event consumer ({@code flux.events.consumer.*}).
 *
 * @param enabled whether this instance consumes its service's queue
 * @param retryTiers delays of the retry tiers; a message is tried
 * {@code retryTiers.size() + 1} times before it is dead-lettered
 * @param prefetch unacknowledged messages the broker may push to one consumer; above the
 * batch size, so that the next batch is on its way while one commits
 * @param concurrency consumers of each partition per instance; a partition has one active
 * consumer at a time, the others stand by for it
 * @param batchSize deliveries handled in one transaction and acknowledged at once
 * @param batchLinger how long a filling batch (one that found a second delivery already
 * prefetched) may wait for more, from its first delivery; 0 (the default) never waits: a
 * batch is what was already delivered, and batches grow under load from what piles up in
 * the prefetch while one commits
 */
@ConfigurationProperties("flux.events.consumer")
public record ConsumerProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"1s", "5s", "30s", "2m", "10m" }) List<Duration> retryTiers, @DefaultValue("250") int prefetch,
		@DefaultValue("1") int concurrency, @DefaultValue("100") int batchSize,
		@DefaultValue("0ms") Duration batchLinger){

	public ConsumerProperties {
		if (batchSize < 1) {
			throw new IllegalArgumentException("flux.events.consumer.batch-size must be at least 1, not " + batchSize);
		}
	}

}
