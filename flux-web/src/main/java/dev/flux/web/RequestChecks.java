package dev.flux.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request, before security and before any handler, for what no endpoint can
 * take: a {@code Content-Type} that names no media type ({@code *}{@code /*},
 * {@code application/*}, or unparsable), answered 415, and a query parameter holding the
 * NUL character, answered 400 naming the parameter. Both used to surface as 500s from
 * deep inside Spring MVC or PostgreSQL.
 */
final class RequestChecks extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !concrete(contentType)) {
			ProblemResponses.write(request, response,
					ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
							"Content-Type must name one media type, such as application/json; wildcards name none."));
			return;
		}
		List<ApiProblem.Violation> nul = nulParameters(request.getQueryString());
		if (!nul.isEmpty()) {
			ProblemResponses.write(request, response, ApiProblem.invalid(nul));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean concrete(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static List<ApiProblem.Violation> nulParameters(@Nullable String query) {
		List<ApiProblem.Violation> found = new ArrayList<>();
		if (query == null || !query.contains("%00")) {
			return found;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			if (NulCharacters.in(name) || NulCharacters.in(value)) {
				found.add(new ApiProblem.Violation(printable(name), "must not contain the NUL character (\\u0000)"));
			}
		}
		return found;
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return encoded;
		}
	}

	/** The value with control characters replaced, so an answer never echoes them. */
	private static String printable(String value) {
		return value.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
