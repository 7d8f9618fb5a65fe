package dev.flux.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 for a database that cannot be reached from where no controller advice
 * reaches: a filter (the deleted-accounts check of the bearer token) or the WebSocket
 * handshake. Without it the exception escapes to the servlet container, a 500. Any other
 * exception, or one after the answer began, goes on as it was.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final DatabaseUnavailable mapping;

	DatabaseUnavailableFilter(DatabaseUnavailable mapping) {
		this.mapping = mapping;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			ApiProblem problem = response.isCommitted() ? null : this.mapping.problemFor(ex);
			if (problem == null) {
				throw ex;
			}
			response.reset();
			ProblemResponses.write(request, response, problem);
		}
	}

}
