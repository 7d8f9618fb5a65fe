package dev.flux.user.web;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	OpenAPI userOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Flux user-service")
				.version("v1")
				.description("Profiles, settings, status and activities of Flux users. Every call needs an access "
						+ "token from auth-service. Responses carry an ETag; writes honour If-Match (412 when stale) "
						+ "and reads If-None-Match (304). Errors are RFC 9457 problem details "
						+ "(application/problem+json)."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
