package dev.flux.security.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import dev.flux.security.DeletedAccounts;
import dev.flux.security.FluxJwtAuthentication;
import dev.flux.security.FluxJwtDecoders;
import dev.flux.security.FluxJwtProperties;
import dev.flux.security.RefusingDeletedAccounts;
import dev.flux.security.web.BearerTokenProblems;
import dev.flux.security.web.FluxApiProperties;
import dev.flux.security.web.FluxResourceServer;

/**
 * Makes a service a resource server for Flux access tokens when
 * {@code flux.security.jwt.issuer} is set: a {@link JwtDecoder} reading auth-service's
 * JWK Set (unless the service defines its own, as auth-service does), the roles-to-
 * authorities conversion, and for servlet web applications the {@link FluxResourceServer}
 * their filter chains apply and the API's chain itself
 * ({@link FluxResourceServer#apiChain}, unless {@code flux.security.api.enabled=false}).
 * Runs before Spring Boot's resource-server auto-configuration, which then backs off.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty("flux.security.jwt.issuer")
@EnableConfigurationProperties(FluxJwtProperties.class)
public final class FluxSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder fluxJwtDecoder(FluxJwtProperties properties) {
		return FluxJwtDecoders.fromJwkSetUri(properties);
	}

	/**
	 * Wraps every access-token decoder, the service's own included, so that the tokens of
	 * accounts its {@link DeletedAccounts} names are refused (when it defines one).
	 */
	@Bean
	static BeanPostProcessor fluxDeletedAccountsRefusal(ListableBeanFactory beans,
			ObjectProvider<DeletedAccounts> deleted) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JwtDecoder decoder && !(bean instanceof RefusingDeletedAccounts)
						&& beans.getBeanNamesForType(DeletedAccounts.class, true, false).length > 0) {
					return new RefusingDeletedAccounts(decoder, deleted);
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter fluxJwtAuthenticationConverter() {
		return FluxJwtAuthentication.converter();
	}

	/** Problem-details refusals and the filter-chain setup, for servlet web services. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ HttpSecurity.class, tools.jackson.databind.json.JsonMapper.class })
	@EnableConfigurationProperties(FluxApiProperties.class)
	static class Web {

		@Bean
		@ConditionalOnMissingBean
		BearerTokenProblems fluxBearerTokenProblems() {
			return new BearerTokenProblems();
		}

		@Bean
		@ConditionalOnMissingBean
		FluxResourceServer fluxResourceServer(JwtDecoder decoder, JwtAuthenticationConverter authentication,
				BearerTokenProblems problems) {
			return new FluxResourceServer(decoder, authentication, problems);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "flux.security.api.enabled", matchIfMissing = true)
		SecurityFilterChain fluxApiFilterChain(HttpSecurity http, FluxResourceServer resourceServer,
				FluxApiProperties api) throws Exception {
			return resourceServer.apiChain(http, api.publicPaths());
		}

	}

}
