package dev.flux.chat.web;

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
	OpenAPI chatOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Flux chat-service")
				.version("v1")
				.description("Servers, channels, roles, invites and messages. Every call needs an access token from "
						+ "auth-service. Ids of servers, channels, roles and messages are 64-bit time-ordered "
						+ "numbers written as strings. Server, channel and role edits honour If-Match (412 when "
						+ "stale). A refused write is 403 and changes nothing; a server the caller is not in is 404. "
						+ "Errors are RFC 9457 problem details (application/problem+json)."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
	}

}
