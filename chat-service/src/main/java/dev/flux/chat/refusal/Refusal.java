package dev.flux.chat.refusal;

import java.util.List;

/**
 * A request the chat-service refuses, and why; thrown by domain code, turned into problem
 * details by the web edge. Nothing was changed when one is thrown.
 */
public final class Refusal extends RuntimeException {

	private final Kind kind;

	private final String code;

	private final List<FieldError> errors;

	private Refusal(Kind kind, String code, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.kind = kind;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	/** The thing does not exist, or the caller may not know that it does. */
	public static Refusal notFound(String what) {
		return new Refusal(Kind.NOT_FOUND, "not-found", what + " was not found.", List.of());
	}

	/** The caller lacks a permission. */
	public static Refusal missingPermission(String permission) {
		return new Refusal(Kind.FORBIDDEN, "missing-permission", "You need the " + permission + " permission.",
				List.of());
	}

	/**
	 * The caller may not do this whatever their permissions (the role hierarchy, say).
	 */
	public static Refusal forbidden(String code, String detail) {
		return new Refusal(Kind.FORBIDDEN, code, detail, List.of());
	}

	public static Refusal conflict(String code, String detail) {
		return new Refusal(Kind.CONFLICT, code, detail, List.of());
	}

	public static Refusal invalid(String field, String message) {
		return new Refusal(Kind.INVALID, "invalid-request", "The request has invalid fields.",
				List.of(new FieldError(field, message)));
	}

	/** The If-Match of a write names a version that is no longer current. */
	public static Refusal staleVersion() {
		return new Refusal(Kind.STALE, "precondition-failed",
				"The resource changed since the ETag in If-Match was read; read it again and retry.", List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * A stable, machine-readable name of the refusal, e.g. {@code missing-permission}.
	 */
	public String code() {
		return this.code;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** What kind of refusal: the web edge maps each to a status. */
	public enum Kind {

		NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, STALE

	}

	/** One field that breaks a rule. */
	public record FieldError(String field, String message) {

	}

}
