package dev.flux.user.intake;

import org.springframework.stereotype.Component;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.events.contract.PresenceUpdated;
import dev.flux.user.presence.Status;
import dev.flux.user.profile.ProfileSync;

/**
 * {@code presence.updated} from the gateway: online or offline, ordered by the presence
 * sequence in {@code aggregateVersion}.
 */
@Component
class PresenceUpdatedHandler implements EventHandler<PresenceUpdated> {

	private final ProfileSync sync;

	PresenceUpdatedHandler(ProfileSync sync) {
		this.sync = sync;
	}

	@Override
	public void handle(PresenceUpdated payload, EventEnvelope envelope) {
		AggregateIds.check(envelope, payload.userId());
		this.sync.presence(payload.userId(), Status.of(payload.status()), envelope.aggregateVersion());
	}

}
