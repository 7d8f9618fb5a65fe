package dev.flux.events.consumer;

import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code partitions} health: which partitions of its service's queue this instance owns
 * and among how many live instances. Always UP: a standby instance, or one whose
 * heartbeat fails, still consumes whatever the broker gives it. Which partitions it is
 * active on RabbitMQ 3.10 does not tell; once balanced, those are the ones it owns.
 */
final class PartitionsHealthIndicator extends AbstractHealthIndicator {

	private final PartitionBalancer balancer;

	PartitionsHealthIndicator(PartitionBalancer balancer) {
		super("Partitions health check failed");
		this.balancer = balancer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		PartitionAssignment assignment = this.balancer.assignment();
		builder.up()
			.withDetail("instance", this.balancer.instance())
			.withDetail("members", assignment.members().size())
			.withDetail("owned", assignment.owned())
			.withDetail("partitions", assignment.partitions());
		Instant heartbeat = this.balancer.lastHeartbeat();
		if (heartbeat != null) {
			builder.withDetail("lastHeartbeat", heartbeat.toString());
		}
		String error = this.balancer.membershipError();
		if (error != null) {
			builder.withDetail("membershipError", error);
		}
	}

}
