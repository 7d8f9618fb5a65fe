package dev.flux.notification.intake;

import dev.flux.events.EventEnvelope;
import dev.flux.events.consumer.EventHandler;
import dev.flux.notification.chat.ChatDirectory;

/**
 * A chat structure event ({@code server.*}, {@code channel.*}, {@code role.*}): into the
 * chat projection, so that a gateway started later knows what happened before it.
 *
 * @param <P> the event's payload
 */
final class ChatStructureHandler<P> implements EventHandler<P> {

	private final Class<P> type;

	private final ChatDirectory directory;

	ChatStructureHandler(Class<P> type, ChatDirectory directory) {
		this.type = type;
		this.directory = directory;
	}

	@Override
	public Class<P> payloadType() {
		return this.type;
	}

	@Override
	public void handle(P payload, EventEnvelope envelope) {
		this.directory.apply(payload, envelope);
	}

}
