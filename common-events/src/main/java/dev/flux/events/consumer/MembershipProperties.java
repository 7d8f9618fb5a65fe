package dev.flux.events.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of a service agree on who owns which partition
 * ({@code flux.events.consumer.membership.*}).
 *
 * @param heartbeatInterval how often an instance renews its membership row and reads the
 * live members
 * @param timeout an instance not heard of for this long is gone: its partitions go to the
 * others (the broker already moved them at once if its connection dropped)
 */
@ConfigurationProperties("flux.events.consumer.membership")
public record MembershipProperties(@DefaultValue("2s") Duration heartbeatInterval,
		@DefaultValue("10s") Duration timeout) {

	public MembershipProperties {
		if (timeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("flux.events.consumer.membership.timeout (" + timeout
					+ ") must be at least two heartbeat intervals (" + heartbeatInterval + ")");
		}
	}

}
