package dev.flux.auth.web;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.flux.auth.AuthProperties;

/** The clock, the settings, the rate-limit filter and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
class WebConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	FilterRegistrationBean<ClientRateLimit> clientRateLimit(AuthProperties properties) {
		FilterRegistrationBean<ClientRateLimit> registration = new FilterRegistrationBean<>(
				new ClientRateLimit(properties.rateLimit()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	OpenAPI authOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Flux auth-service")
				.version("v1")
				.description("Accounts, passwords, access and refresh tokens, email verification and password reset. "
						+ "Errors are RFC 9457 problem details (application/problem+json)."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
