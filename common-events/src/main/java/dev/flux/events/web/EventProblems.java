package dev.flux.events.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.flux.events.contract.SchemaViolationException;

/**
 * Answers a request whose change produced an event its own schema refuses (a bug of the
 * service, logged where it was appended) with a 500 in the problem-details shape of every
 * other answer, saying that nothing was changed: the exception rolled the change back.
 */
@RestControllerAdvice
// First: it handles only SchemaViolationException, and an advice that takes every
// RuntimeException (flux-web's) would otherwise be asked first and rethrow it.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EventProblems {

	static final URI TYPE = URI.create("https://flux.dev/problems/internal-error");

	@ExceptionHandler(SchemaViolationException.class)
	ResponseEntity<ProblemDetail> schemaViolation(SchemaViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The change could not be recorded, so nothing was changed. This is a fault of the service, "
						+ "not of the request; it has been logged.");
		problem.setType(TYPE);
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
