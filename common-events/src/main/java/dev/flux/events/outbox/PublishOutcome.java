package dev.flux.events.outbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the broker said about a published batch.
 *
 * @param confirmed ids positively confirmed and not returned: safe to mark published
 * @param returned ids the broker could not route anywhere
 * @param unconfirmed ids nacked or not confirmed in time: to be sent again
 * @param problem why some were unconfirmed, if any were
 */
record PublishOutcome(List<Long> confirmed, List<Returned> returned, List<Long> unconfirmed, @Nullable String problem) {

	/** An event the broker returned as unroutable. */
	record Returned(long id, String reason) {

	}

}
