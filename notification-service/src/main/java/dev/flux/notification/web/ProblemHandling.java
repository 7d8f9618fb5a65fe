package dev.flux.notification.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json}: {@link ApiProblem}s with
 * their status, a parameter of the wrong type as 400, and Spring MVC's own errors as it
 * maps them.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				name + ": '" + ex.getValue() + "' is not a valid value.");
		problem.setType(URI.create("https://flux.dev/problems/invalid-request"));
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().body(problem);
	}

}
