package dev.flux.events.consumer;

/**
 * The AMQP headers Flux sets on failed messages; our own names, since brokers own
 * {@code x-*}.
 */
final class FluxHeaders {

	static final String ATTEMPTS = "flux-attempts";

	static final String FIRST_FAILED_AT = "flux-first-failed-at";

	static final String ERROR_CLASS = "flux-error-class";

	static final String ERROR_MESSAGE = "flux-error";

	static final String ORIGINAL_ROUTING_KEY = "flux-original-routing-key";

	static final String DEAD_AT = "flux-dead-at";

	static final String REPLAYED_FROM = "flux-replayed-from";

	private FluxHeaders() {
	}

}
