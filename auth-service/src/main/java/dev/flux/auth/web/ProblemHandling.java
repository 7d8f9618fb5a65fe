package dev.flux.auth.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json}: {@link ApiProblem}s with
 * their status (and {@code Retry-After}), bean validation failures as 400 with one entry
 * per field, and Spring MVC's own errors (unreadable JSON, wrong method...) as it maps
 * them.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status());
		if (problem.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ApiProblem.retryAfterSeconds(problem.retryAfter())));
		}
		return response.body(problem.toProblemDetail());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setType(URI.create("https://flux.dev/problems/invalid-request"));
		problem.setTitle("Invalid request");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

}
