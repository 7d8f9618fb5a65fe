package dev.flux.events.admin;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import dev.flux.events.consumer.DeadLetters;
import dev.flux.events.outbox.OutboxAdministration;
import dev.flux.events.topology.ServiceIdentity;

/**
 * The admin API and the rule that guards it: every {@code /admin/**} request needs the
 * ADMIN role. Imported only where Spring Security is present, so the API never exists
 * unguarded. Authentication comes from the service: the bearer token where the service is
 * an OAuth2 resource server (it has a {@code JwtDecoder}), HTTP Basic otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class AdminConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain fluxAdminSecurity(HttpSecurity http, ListableBeanFactory beans) throws Exception {
		http.securityMatcher("/admin/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		if (AdminBearerTokens.available(beans)) {
			AdminBearerTokens.configure(http, beans);
		}
		else {
			http.httpBasic(Customizer.withDefaults());
		}
		return http.build();
	}

	@Bean
	DeadLetterController fluxDeadLetterController(DeadLetters deadLetters) {
		return new DeadLetterController(deadLetters);
	}

	@Bean
	AdminProblems fluxAdminProblems() {
		return new AdminProblems();
	}

	@Bean
	LiveEventsController fluxLiveEventsController(ConnectionFactory connections, ServiceIdentity identity) {
		return new LiveEventsController(connections, identity);
	}

	@Bean
	OutboxController fluxOutboxController(OutboxAdministration outbox) {
		return new OutboxController(outbox);
	}

}
