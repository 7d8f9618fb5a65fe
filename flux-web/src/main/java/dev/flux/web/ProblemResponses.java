package dev.flux.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an {@link ApiProblem} from where Spring MVC's handlers do not reach (servlet
 * filters, security entry points), in the same shape as they answer.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * Sets the status, {@code Retry-After} when the problem has one and the problem body.
	 * Other headers must be set before: writing the body commits the response.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem)
			throws IOException {
		var detail = problem.toProblemDetail();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(detail.getType()));
		body.put("title", detail.getTitle());
		body.put("status", detail.getStatus());
		body.put("detail", detail.getDetail());
		body.put("instance", request.getRequestURI());
		if (!problem.errors().isEmpty()) {
			body.put("errors", problem.errors());
		}
		response.setStatus(problem.status().value());
		if (problem.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(ApiProblem.retryAfterSeconds(problem.retryAfter())));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JsonMapper.shared().writeValue(response.getOutputStream(), body);
	}

}
