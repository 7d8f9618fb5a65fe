package dev.flux.web;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are a database that cannot be reached right now (the services'
 * DatabaseOutageTests exhaust a real pool), and that a service without spring-tx carries
 * none of it.
 */
class DatabaseUnavailableTests {

	private final DatabaseUnavailable mapping = new DatabaseUnavailable();

	@Test
	void answersAnUnreachableDatabaseWith503AndRetryAfterWhereverItIsWrapped() {
		for (RuntimeException failure : new RuntimeException[] {
				new DataAccessResourceFailureException("Failed to obtain JDBC Connection"),
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction") }) {
			for (Throwable thrown : new Throwable[] { failure, new ServletException("handshake failed", failure) }) {
				ApiProblem problem = this.mapping.problemFor(thrown);

				assertThat(problem).isNotNull();
				assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(problem.toProblemDetail().getType())
					.hasToString("https://flux.dev/problems/service-unavailable");
				assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(5));
			}
		}
	}

	@Test
	void answersAConnectionPostgresqlEndedWith503AsJpaLeavesIt() {
		// Hibernate wraps PostgreSQL's shutdown (57P01) in a generic exception, and the
		// rollback on the dead connection then overrides it with HikariCP's closed
		// connection: the shapes user-service answered 500 with while PostgreSQL
		// restarted.
		SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
		SQLException closed = new SQLException("Connection is closed");
		for (Throwable thrown : new Throwable[] { new RuntimeException("JDBC exception executing SQL", shutdown),
				new TransactionSystemException("Unable to rollback against JDBC Connection",
						new RuntimeException("Unable to rollback against JDBC Connection", closed)),
				new ServletException("filter", new SQLException("This connection has been closed.", "08003")),
				new SQLException("too many clients already", "53300") }) {
			ApiProblem problem = this.mapping.problemFor(thrown);

			assertThat(problem).as("%s", thrown).isNotNull();
			assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	@Test
	void leavesOtherDatabaseFailuresAlone() {
		assertThat(this.mapping.problemFor(new DataIntegrityViolationException("duplicate key"))).isNull();
		assertThat(this.mapping.problemFor(new IllegalStateException("a bug"))).isNull();
		assertThat(this.mapping.problemFor(new RuntimeException("could not execute statement",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isNull();
		assertThat(this.mapping.problemFor(new SQLException("stack depth limit exceeded", "54001"))).isNull();
		assertThat(this.mapping.problemFor(new SQLException("canceling statement due to statement timeout", "57014")))
			.isNull();
		assertThat(this.mapping.problemFor(new SQLException("The column index is out of range"))).isNull();
	}

	@Test
	void isPartOfEveryServiceWithADatabaseOnly() {
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(FluxWebAutoConfiguration.class));
		runner.run((context) -> assertThat(context).hasSingleBean(DatabaseUnavailable.class)
			.hasBean("fluxDatabaseUnavailableFilter"));
		runner.withClassLoader(new FilteredClassLoader(CannotCreateTransactionException.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseUnavailable.class)
				.doesNotHaveBean("fluxDatabaseUnavailableFilter"));
	}

}
