package dev.flux.chat.web;

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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.flux.chat.refusal.Refusal;

/**
 * Every refusal as {@code application/problem+json} in Flux's one shape ({@code type},
 * {@code title}, {@code status}, {@code detail}, {@code errors[]}). Deliberately minimal
 * until the shared problem-details module lands; then this maps onto it.
 */
@RestControllerAdvice
class ChatProblems extends ResponseEntityExceptionHandler {

	private static final String TYPE_BASE = "https://flux.dev/problems/";

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
		HttpStatus status = switch (refusal.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case STALE -> HttpStatus.PRECONDITION_FAILED;
		};
		List<Map<String, String>> errors = refusal.errors()
			.stream()
			.map((error) -> Map.of("field", error.field(), "message", error.message()))
			.toList();
		return ResponseEntity.status(status).body(problem(status, refusal.code(), refusal.getMessage(), errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.", errors);
	}

	private static ProblemDetail problem(HttpStatus status, String code, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setTitle(status.getReasonPhrase());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
