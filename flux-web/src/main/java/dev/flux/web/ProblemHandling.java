package dev.flux.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every refusal of every controller, as {@code application/problem+json} in the one shape
 * of {@link ApiProblem}: {@link ApiProblem}s thrown by web code, domain exceptions the
 * service's {@link ProblemMapping}s know, invalid input (bean validation, unreadable or
 * missing bodies, parameters of the wrong type) as 400 {@code invalid-request} with one
 * {@code errors} entry per field, and Spring MVC's own errors (404, 405, 415...) with a
 * Flux type URI. It runs before any other advice, so the admin API answers alike.
 */
@RestControllerAdvice
@Order(0)
class ProblemHandling extends ResponseEntityExceptionHandler {

	private final List<ProblemMapping> mappings;

	ProblemHandling(List<ProblemMapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> apiProblem(ApiProblem problem) {
		return problem.toResponseEntity();
	}

	/**
	 * A domain exception the service maps; any other is rethrown as it was, and Spring
	 * handles it as if this method were not there.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Object> domainException(RuntimeException exception) {
		for (ProblemMapping mapping : this.mappings) {
			ApiProblem problem = mapping.problemFor(exception);
			if (problem != null) {
				return problem.toResponseEntity();
			}
		}
		throw exception;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblem.Violation> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new ApiProblem.Violation(error.getField(), message(error))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(
					(error) -> errors.add(new ApiProblem.Violation("body", String.valueOf(error.getDefaultMessage()))));
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblem.Violation> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			if (result instanceof ParameterErrors bound) {
				bound.getFieldErrors()
					.forEach((error) -> errors.add(new ApiProblem.Violation(error.getField(), message(error))));
			}
			else {
				String name = parameterName(result.getMethodParameter());
				result.getResolvableErrors()
					.forEach((error) -> errors
						.add(new ApiProblem.Violation(name, String.valueOf(error.getDefaultMessage()))));
			}
		});
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		Class<?> type = ex.getRequiredType();
		String message = (type != null) ? "must be a valid " + type.getSimpleName() : "has a value of the wrong type";
		return invalid(ex, List.of(new ApiProblem.Violation(name, message)), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return invalid(ex, List.of(new ApiProblem.Violation(ex.getParameterName(), "is required")), headers, request);
	}

	/**
	 * A missing body, a body that is not JSON, or JSON that does not bind (NUL characters
	 * included).
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ApiProblem.Violation violation = (ex.getCause() instanceof JacksonException jackson)
				? JsonInput.violation(jackson) : new ApiProblem.Violation("body", "is required and must be JSON");
		return invalid(ex, List.of(violation), headers, request);
	}

	/**
	 * Gives every problem Spring MVC builds itself a Flux type URI instead of
	 * {@code about:blank}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && "about:blank".equals(problem.getType().toString())) {
			problem.setType(URI.create(ApiProblem.TYPE_BASE + typeOf(statusCode)));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/** The last segment of the type URI of a status Spring MVC answers with. */
	static String typeOf(HttpStatusCode status) {
		if (status.value() == 400) {
			return "invalid-request";
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "http-" + status.value();
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<ApiProblem.Violation> errors,
			HttpHeaders headers, WebRequest request) {
		ApiProblem problem = ApiProblem.invalid(errors);
		return handleExceptionInternal(ex, problem.toProblemDetail(), headers, problem.status(), request);
	}

	private static String message(FieldError error) {
		return String.valueOf(error.getDefaultMessage());
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
		if (annotation != null && StringUtils.hasText(annotation.name())) {
			return annotation.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

}
