package dev.flux.notification.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the notification-service refuses, answered as RFC 9457 problem details.
 */
public final class ApiProblem extends RuntimeException {

	private static final String TYPE_BASE = "https://flux.dev/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private ApiProblem(HttpStatus status, String type, String title, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
	}

	/** A value that breaks a rule. */
	public static ApiProblem invalid(String field, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message);
	}

	/** Unknown, or someone else's: the answer does not say which. */
	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
	}

	public HttpStatus status() {
		return this.status;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.type));
		problem.setTitle(this.title);
		return problem;
	}

}
