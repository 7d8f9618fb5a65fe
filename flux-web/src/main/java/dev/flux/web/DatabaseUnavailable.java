package dev.flux.web;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database that cannot be reached right now (the pool exhausted, the connection
 * refused, PostgreSQL restarting), answered 503 {@code service-unavailable} with
 * {@code Retry-After}: it is neither the client's fault nor a bug. The failure is found
 * anywhere in the cause chain, as a handshake, a servlet or JPA wraps it. Asked by
 * {@link ProblemHandling} for controllers and by {@link DatabaseUnavailableFilter} for
 * what fails outside them (security filters, the WebSocket handshake).
 */
public final class DatabaseUnavailable implements ProblemMapping {

	/**
	 * How long a client waits: about a pool's connection timeout, the time a busy pool
	 * takes to free a connection.
	 */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(DatabaseUnavailable.class);

	private static final Set<String> RESOURCE_FAILURE_CLASSES = Set.of("08", "53", "57", "58");

	/** A statement cancelled or timed out: the statement's, as Spring JDBC has it too. */
	private static final String QUERY_CANCELED = "57014";

	/** What HikariCP's proxy throws once the pool has evicted its broken connection. */
	private static final String HIKARI_CLOSED = "Connection is closed";

	@Override
	public @Nullable ApiProblem problemFor(Throwable exception) {
		Throwable failure = failure(exception);
		if (failure == null) {
			return null;
		}
		logger.warn("Answered 503, the database cannot be reached: " + failure.getMessage());
		return ApiProblem
			.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(),
					"The service cannot reach its database right now. Try again shortly.")
			.retryAfter(RETRY_AFTER);
	}

	/** The database failure {@code exception} is or wraps, or null. */
	static @Nullable Throwable failure(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException
					|| (cause instanceof SQLException sql && lostConnection(sql))) {
				return cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * Whether a JDBC failure is the database's, not the statement's: the SQLState classes
	 * Spring JDBC translates to a resource failure (08 connection, 53 resources, 57
	 * operator intervention such as PostgreSQL's shutdown, 58 system), but not 54 (a
	 * program limit the statement hit) nor 57014 (a statement cancelled or timed out);
	 * and HikariCP's closed connection, which has no SQLState. JPA leaves these
	 * untranslated: Hibernate wraps 57P01 in a generic exception, and a rollback on the
	 * dead connection overrides the first failure with its own.
	 */
	private static boolean lostConnection(SQLException failure) {
		String state = failure.getSQLState();
		if (state == null) {
			return HIKARI_CLOSED.equals(failure.getMessage());
		}
		return state.length() >= 2 && RESOURCE_FAILURE_CLASSES.contains(state.substring(0, 2))
				&& !QUERY_CANCELED.equals(state);
	}

}
