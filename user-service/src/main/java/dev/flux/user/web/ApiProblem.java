package dev.flux.user.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the user-service refuses, answered as RFC 9457 problem details; the factories
 * fix the status, type and title of each kind. (The same shape as auth-service's.)
 */
public final class ApiProblem extends RuntimeException {

	private static final String TYPE_BASE = "https://flux.dev/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final List<Map<String, String>> errors;

	private ApiProblem(HttpStatus status, String type, String title, String detail, List<Map<String, String>> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.", List.of());
	}

	/** One field breaks a rule. */
	public static ApiProblem invalid(String field, String message) {
		return invalid(List.of(Map.of("field", field, "message", message)));
	}

	/** Fields that break rules, one entry ({@code field}, {@code message}) each. */
	public static ApiProblem invalid(List<Map<String, String>> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has invalid fields.", errors);
	}

	/** The {@code If-Match} of a write names a version that is no longer current. */
	public static ApiProblem preconditionFailed() {
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
				"The resource changed since the ETag in If-Match was read; read it again and retry.", List.of());
	}

	public static ApiProblem conflict(String type, String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, type, title, detail, List.of());
	}

	/** A valid token whose subject is not a user id: it cannot own anything here. */
	public static ApiProblem notAUser() {
		return new ApiProblem(HttpStatus.FORBIDDEN, "not-a-user", "Not a user",
				"The access token's subject is not a Flux user id.", List.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The problem details body of this refusal. */
	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.type));
		problem.setTitle(this.title);
		if (!this.errors.isEmpty()) {
			problem.setProperty("errors", this.errors);
		}
		return problem;
	}

}
