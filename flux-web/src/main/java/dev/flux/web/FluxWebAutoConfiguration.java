package dev.flux.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;

/**
 * Gives every servlet service the shared problem handling, the NUL-refusing JSON strings
 * and the request checks, by being on the classpath.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class FluxWebAutoConfiguration {

	@Bean
	ProblemHandling fluxProblemHandling(List<ProblemMapping> mappings) {
		return new ProblemHandling(mappings);
	}

	@Bean
	JacksonModule fluxNulCharacters() {
		return NulCharacters.module();
	}

	/** Before security and the rate limit: what no endpoint can take is refused first. */
	@Bean
	FilterRegistrationBean<RequestChecks> fluxRequestChecks() {
		FilterRegistrationBean<RequestChecks> registration = new FilterRegistrationBean<>(new RequestChecks());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * A service with a database answers 503 while it cannot reach it, from controllers
	 * and filters alike.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.dao.DataAccessResourceFailureException",
			"org.springframework.transaction.CannotCreateTransactionException" })
	static class Database {

		@Bean
		DatabaseUnavailable fluxDatabaseUnavailable() {
			return new DatabaseUnavailable();
		}

		/**
		 * Outside security (order -100), so a database failure of its filters is answered
		 * too.
		 */
		@Bean
		FilterRegistrationBean<DatabaseUnavailableFilter> fluxDatabaseUnavailableFilter(
				DatabaseUnavailable databaseUnavailable) {
			FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
					new DatabaseUnavailableFilter(databaseUnavailable));
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
			return registration;
		}

	}

}
