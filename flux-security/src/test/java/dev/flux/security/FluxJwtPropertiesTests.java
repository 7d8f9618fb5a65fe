package dev.flux.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code flux.security.jwt.*} settings and their defaults. */
class FluxJwtPropertiesTests {

	@Test
	void needsOnlyTheIssuer() {
		FluxJwtProperties properties = bind(Map.of("flux.security.jwt.issuer", "http://localhost:8081"));

		assertThat(properties.audience()).isEqualTo("flux");
		assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.jwkSetUri()).isNull();
		assertThat(properties.rememberVerified()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.effectiveJwkSetUri())
			.isEqualTo(URI.create("http://localhost:8081/.well-known/jwks.json"));
		assertThat(properties).isEqualTo(FluxJwtProperties.forIssuer("http://localhost:8081"));
	}

	@Test
	void derivesTheKeySetUriFromAnIssuerWithATrailingSlash() {
		assertThat(FluxJwtProperties.forIssuer("https://auth.flux.dev/").effectiveJwkSetUri())
			.isEqualTo(URI.create("https://auth.flux.dev/.well-known/jwks.json"));
	}

	@Test
	void takesEverySettingFromTheEnvironment() {
		FluxJwtProperties properties = bind(
				Map.of("flux.security.jwt.issuer", "http://localhost:8081", "flux.security.jwt.audience", "flux-admin",
						"flux.security.jwt.jwk-set-uri", "http://auth-service:8081/.well-known/jwks.json",
						"flux.security.jwt.clock-skew", "5s", "flux.security.jwt.remember-verified", "0s"));

		assertThat(properties.audience()).isEqualTo("flux-admin");
		assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.rememberVerified()).isZero();
		assertThat(properties.effectiveJwkSetUri())
			.isEqualTo(URI.create("http://auth-service:8081/.well-known/jwks.json"));
	}

	@Test
	void refusesToStartWithoutAnIssuer() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("flux.security.jwt.audience", "flux")))
			.havingRootCause()
			.withMessageContaining("flux.security.jwt.issuer");
	}

	private static FluxJwtProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("flux.security.jwt",
				FluxJwtProperties.class);
	}

}
