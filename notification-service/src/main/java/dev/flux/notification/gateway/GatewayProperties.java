package dev.flux.notification.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The realtime gateway's settings ({@code flux.notification.gateway.*}).
 *
 * @param allowedOrigins the browser origins that may open {@code /ws} (clients that send
 * no Origin, i.e. not browsers, are not limited by it)
 * @param identifyTimeout how long a socket may stay open without identifying
 * @param heartbeatInterval how often clients are asked to send a heartbeat
 * @param resumeWindow how long a dropped session can be resumed before it ends
 * @param resumeBuffer how many pushed messages a session keeps for a resume
 * @param instanceId this instance's name in its queue and the presence tables; blank
 * means a random one per start
 * @param sweepInterval how often timeouts are checked
 * @param instanceSilence after how long without a heartbeat another instance counts as
 * crashed and its sessions are ended
 */
@ConfigurationProperties("flux.notification.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:3000") List<String> allowedOrigins,
		@DefaultValue("10s") Duration identifyTimeout, @DefaultValue("30s") Duration heartbeatInterval,
		@DefaultValue("60s") Duration resumeWindow, @DefaultValue("200") int resumeBuffer,
		@DefaultValue("") String instanceId, @DefaultValue("1s") Duration sweepInterval,
		@DefaultValue("60s") Duration instanceSilence) {

	/** A session is dropped after two missed heartbeats. */
	public Duration heartbeatTimeout() {
		return this.heartbeatInterval.multipliedBy(2);
	}

}
