package dev.flux.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class FluxOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(FluxOpenApiAutoConfiguration.class))
		.withPropertyValues("spring.application.name=demo-service");

	@Test
	void describesTheServiceFromItsProperties() {
		this.runner.withPropertyValues("flux.openapi.description=What demo does.", "flux.openapi.version=v2")
			.run((context) -> {
				OpenAPI openApi = context.getBean(OpenAPI.class);
				assertThat(openApi.getInfo().getTitle()).isEqualTo("Flux demo-service");
				assertThat(openApi.getInfo().getDescription()).isEqualTo("What demo does.");
				assertThat(openApi.getInfo().getVersion()).isEqualTo("v2");
				SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get(OpenApiProperties.BEARER);
				assertThat(bearer.getScheme()).isEqualTo("bearer");
				assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
			});
	}

	@Test
	void declaresNoSecuritySchemeForAnApiWithoutTokens() {
		this.runner.withPropertyValues("flux.openapi.title=Open API", "flux.openapi.bearer=false").run((context) -> {
			OpenAPI openApi = context.getBean(OpenAPI.class);
			assertThat(openApi.getInfo().getTitle()).isEqualTo("Open API");
			assertThat(openApi.getComponents()).isNull();
		});
	}

	@Test
	void leavesAServicesOwnDescriptionAlone() {
		this.runner.withBean(OpenAPI.class, () -> new OpenAPI().info(null))
			.run((context) -> assertThat(context.getBean(OpenAPI.class).getInfo()).isNull());
	}

}
