package dev.flux.events;

/**
 * An event that can never be handled as it is (bad JSON, schema violation, unknown type
 * or version): it goes straight to the dead-letter queue, without retries.
 */
public class NonRetryableEventException extends RuntimeException {

	public NonRetryableEventException(String message) {
		super(message);
	}

	public NonRetryableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
