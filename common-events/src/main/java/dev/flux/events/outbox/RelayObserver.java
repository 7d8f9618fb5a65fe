package dev.flux.events.outbox;

import java.util.List;

/**
 * Sees each batch between the broker's confirms and the rows being marked published: the
 * moment a crash makes the relay send the batch again.
 */
interface RelayObserver {

	RelayObserver NONE = (batch, outcome) -> {
	};

	void published(List<PendingEvent> batch, PublishOutcome outcome);

}
