package dev.flux.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI description of a service that has springdoc, from {@code flux.openapi.*}:
 * every service documents itself the same way and only says what differs (title,
 * description).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public final class FluxOpenApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenAPI fluxOpenApi(OpenApiProperties properties, Environment environment) {
		// PATCH bodies read as JsonNode (merge patch: absent, null and a value differ);
		// springdoc would describe Jackson's node class itself, getters and all
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new ObjectSchema()
				.description("A JSON merge patch (RFC 7396): only the fields given change, null clears one"));
		String title = (properties.title() != null) ? properties.title()
				: "Flux " + environment.getProperty("spring.application.name", "service");
		OpenAPI openApi = new OpenAPI()
			.info(new Info().title(title).version(properties.version()).description(properties.description()));
		if (properties.bearer()) {
			openApi.components(new Components().addSecuritySchemes(OpenApiProperties.BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
		}
		return openApi;
	}

}
