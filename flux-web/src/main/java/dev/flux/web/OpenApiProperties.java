package dev.flux.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's OpenAPI document says about itself: {@code flux.openapi.title},
 * {@code description}, {@code version}, and {@code bearer} (true when its calls take an
 * access token, declared as the security scheme named {@value #BEARER}).
 *
 * @param title the document's title, {@code spring.application.name} prefixed with "Flux"
 * when unset
 * @param description what the API is for and the rules every call follows
 * @param version the API version
 * @param bearer whether the document declares the bearer (JWT) security scheme
 */
@ConfigurationProperties("flux.openapi")
public record OpenApiProperties(@Nullable String title, @DefaultValue("") String description,
		@DefaultValue("v1") String version, @DefaultValue("true") boolean bearer) {

	/** The name operations refer to in {@code @SecurityRequirement(name = "bearer")}. */
	public static final String BEARER = "bearer";

}
