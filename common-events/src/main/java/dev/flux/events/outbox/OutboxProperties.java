package dev.flux.events.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code flux.events.outbox.*}).
 *
 * @param enabled whether this instance runs a relay (one of all instances is active)
 * @param batchSize how many events one publish round claims
 * @param pollInterval how long an idle relay waits for a commit notification before
 * looking anyway
 * @param standbyInterval how often a standby relay tries to become the active one
 * @param confirmTimeout how long to wait for the broker's publisher confirms of a batch
 * @param initialBackoff the first wait after a failed round; doubles up to
 * {@code maxBackoff}
 * @param maxBackoff the longest wait between failed rounds
 * @param retention how long published events stay in the outbox as the event log
 * @param purgeInterval how often published events older than the retention are purged
 * @param purgeBatchSize how many rows one purge statement deletes
 */
@ConfigurationProperties("flux.events.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("1s") Duration standbyInterval,
		@DefaultValue("10s") Duration confirmTimeout, @DefaultValue("100ms") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("7d") Duration retention,
		@DefaultValue("10m") Duration purgeInterval, @DefaultValue("1000") int purgeBatchSize) {

}
