package dev.flux.events.contract;

import dev.flux.events.NonRetryableEventException;

/**
 * An event whose type, or version of that type, this service's {@link EventCatalog} does
 * not know.
 */
public class UnknownEventTypeException extends NonRetryableEventException {

	private final String type;

	private final int version;

	public UnknownEventTypeException(String type, int version, String message) {
		super(message);
		this.type = type;
		this.version = version;
	}

	public String type() {
		return this.type;
	}

	public int version() {
		return this.version;
	}

}
