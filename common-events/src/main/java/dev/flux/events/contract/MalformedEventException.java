package dev.flux.events.contract;

import dev.flux.events.NonRetryableEventException;

/**
 * A message that is not a Flux event envelope: invalid JSON, or an envelope field missing
 * or of the wrong type.
 */
public class MalformedEventException extends NonRetryableEventException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
