package dev.flux.events.outbox;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.flux.events.outbox.OutboxStore.OutboxStats;

/**
 * {@code outbox} health: DOWN while the active relay's rounds keep failing (the broker is
 * away), with the backlog in the details; UP otherwise, as active or standby relay.
 */
final class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final OutboxRelay relay;

	private final OutboxMetrics metrics;

	OutboxHealthIndicator(OutboxRelay relay, OutboxMetrics metrics) {
		super("Outbox health check failed");
		this.relay = relay;
		this.metrics = metrics;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxStats stats = this.metrics.stats();
		Instant failingSince = this.relay.failingSince();
		if (failingSince != null) {
			builder.down()
				.withDetail("failingSince", failingSince.toString())
				.withDetail("error", String.valueOf(this.relay.lastError()));
		}
		else {
			builder.up();
		}
		builder.withDetail("relay", this.relay.isActive() ? "active" : "standby")
			.withDetail("pending", stats.pending())
			.withDetail("failed", stats.failed());
		if (stats.oldestPending() != null) {
			builder.withDetail("oldestPendingAge", Duration.between(stats.oldestPending(), Instant.now()).toString());
		}
	}

}
