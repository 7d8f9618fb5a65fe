package dev.flux.events.consumer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inbox purge ({@code flux.events.inbox.*}).
 *
 * @param retention how long the record that a consumer handled an event stays in the
 * inbox. The inbox is what makes a redelivery or a replay a no-op, and an event can be
 * replayed from the outbox's event log until that log purges it
 * ({@code flux.events.outbox.retention}), then still go through every retry tier: so the
 * retention must be at least the outbox retention plus the retry tiers, or a late replay
 * would apply an event a second time. A shorter value is refused at start-up.
 * @param purgeInterval how often inbox rows older than the retention are purged
 * @param purgeBatchSize how many rows one purge statement deletes, so that no statement
 * holds its locks long
 */
@ConfigurationProperties("flux.events.inbox")
public record InboxProperties(@DefaultValue("8d") Duration retention, @DefaultValue("10m") Duration purgeInterval,
		@DefaultValue("1000") int purgeBatchSize) {

	public InboxProperties {
		if (purgeBatchSize < 1) {
			throw new IllegalArgumentException(
					"flux.events.inbox.purge-batch-size must be at least 1, not " + purgeBatchSize);
		}
	}

	/**
	 * Refuses a retention shorter than the outbox's plus the retry tiers, for which an
	 * event may still be replayed or redelivered.
	 */
	void requireCovering(Duration outboxRetention, List<Duration> retryTiers) {
		Duration tiers = retryTiers.stream().reduce(Duration.ZERO, Duration::plus);
		Duration minimum = outboxRetention.plus(tiers);
		if (this.retention.compareTo(minimum) < 0) {
			throw new IllegalStateException("flux.events.inbox.retention (" + this.retention
					+ ") must be at least flux.events.outbox.retention (" + outboxRetention + ") plus the retry tiers ("
					+ tiers + "), " + minimum
					+ ": an event can be replayed from the outbox until then, and only the inbox keeps that replay"
					+ " from applying it twice");
		}
	}

}
