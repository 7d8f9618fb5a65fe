package dev.flux.events.contract;

import java.util.List;

import dev.flux.events.NonRetryableEventException;

/**
 * An event payload that breaks the JSON Schema of its type and version, or cannot be read
 * into its record.
 */
public class SchemaViolationException extends NonRetryableEventException {

	private final List<String> violations;

	public SchemaViolationException(String message, List<String> violations) {
		super(message + ": " + String.join("; ", violations));
		this.violations = List.copyOf(violations);
	}

	public SchemaViolationException(String message, List<String> violations, Throwable cause) {
		super(message + ": " + String.join("; ", violations), cause);
		this.violations = List.copyOf(violations);
	}

	/**
	 * Each violation as {@code <JSON pointer>: <what is wrong>}, without the offending
	 * values (payloads may carry secrets).
	 */
	public List<String> violations() {
		return this.violations;
	}

}
