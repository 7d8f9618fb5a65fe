package dev.flux.web;

import org.jspecify.annotations.Nullable;

/**
 * How a service's web layer answers the exceptions its domain code throws
 * ({@code UsernameTaken}, {@code StaleVersion}...): each service declares its mappings as
 * beans, and the shared handler asks them in turn. The domain stays free of HTTP; the
 * answer's shape stays the one of {@link ApiProblem}. <pre class="code">
 * &#64;Component
 * class AccountProblems implements ProblemMapping {
 *     public &#64;Nullable ApiProblem problemFor(Throwable exception) {
 *         return switch (exception) {
 *             case UsernameTaken taken -&gt; ApiProblem.of(HttpStatus.CONFLICT, "username-taken", ...);
 *             default -&gt; null;
 *         };
 *     }
 * }
 * </pre>
 */
@FunctionalInterface
public interface ProblemMapping {

	/**
	 * The problem {@code exception} answers with, or null when this mapping does not know
	 * it.
	 */
	@Nullable ApiProblem problemFor(Throwable exception);

}
