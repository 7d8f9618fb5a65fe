package dev.flux.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A refusal answered as RFC 9457 problem details: {@code type} (a URI under
 * {@value #TYPE_BASE}, listed in docs/api.md), {@code title}, {@code status},
 * {@code detail}, {@code instance} (the request path) and, for invalid input,
 * {@code errors}: one {@link Violation} per field. Web code throws it; domain code throws
 * its own exceptions, which a {@link ProblemMapping} turns into one.
 */
public final class ApiProblem extends RuntimeException {

	/** Where every Flux problem type lives. */
	public static final String TYPE_BASE = "https://flux.dev/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final List<Violation> errors;

	private final @Nullable Duration retryAfter;

	private ApiProblem(HttpStatus status, String type, String title, String detail, List<Violation> errors,
			@Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	/**
	 * A problem of its own kind.
	 * @param type the last segment of the type URI, e.g. {@code username-taken}
	 */
	public static ApiProblem of(HttpStatus status, String type, String title, String detail) {
		return new ApiProblem(status, type, title, detail, List.of(), null);
	}

	/** One field breaks a rule. */
	public static ApiProblem invalid(String field, String message) {
		return invalid(List.of(new Violation(field, message)));
	}

	/** Fields that break rules, one entry each. */
	public static ApiProblem invalid(List<Violation> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has invalid fields.", errors, null);
	}

	/** Unknown, or someone else's: the answer does not say which. */
	public static ApiProblem notFound(String what) {
		return of(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
	}

	/** This problem, with {@code Retry-After} telling the client when to try again. */
	public ApiProblem retryAfter(Duration wait) {
		return new ApiProblem(this.status, this.type, this.title, getMessage(), this.errors, wait);
	}

	public HttpStatus status() {
		return this.status;
	}

	public List<Violation> errors() {
		return this.errors;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** The problem details body. */
	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.type));
		problem.setTitle(this.title);
		if (!this.errors.isEmpty()) {
			problem.setProperty("errors", this.errors);
		}
		return problem;
	}

	/** Status, {@code Retry-After} when set, and the problem details body. */
	public ResponseEntity<Object> toResponseEntity() {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(this.status);
		if (this.retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(this.retryAfter)));
		}
		return response.body(toProblemDetail());
	}

	/**
	 * Whole seconds to wait, rounded up and at least one, for the {@code Retry-After}
	 * header.
	 */
	public static long retryAfterSeconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

	/**
	 * One field that breaks a rule.
	 *
	 * @param field the field's path in the body ({@code customStatus.expiresAt}), or the
	 * query parameter's name, or {@code body} for the body as a whole
	 * @param message what is wrong, said of the field ({@code must not be blank})
	 */
	public record Violation(String field, String message) {
	}

}
