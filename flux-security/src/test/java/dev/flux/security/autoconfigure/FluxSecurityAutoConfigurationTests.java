package dev.flux.security.autoconfigure;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import dev.flux.security.DeletedAccounts;
import dev.flux.security.web.BearerTokenProblems;
import dev.flux.security.web.FluxResourceServer;
import dev.flux.testsupport.JwksServer;
import dev.flux.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** When a service becomes a resource server for Flux access tokens, and with what. */
class FluxSecurityAutoConfigurationTests {

	private final JwksServer auth = JwksServer.start();

	private final TestTokens tokens = this.auth.newSigningKey();

	private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FluxSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
					SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

	@AfterEach
	void stopIssuer() {
		this.auth.close();
	}

	@Test
	void staysOutWithoutAnIssuer() {
		this.web.run((context) -> assertThat(context).doesNotHaveBean(JwtDecoder.class)
			.doesNotHaveBean(FluxResourceServer.class));
	}

	@Test
	void makesAResourceServerWithoutFetchingKeysAtStart() {
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer()).run((context) -> {
			assertThat(context).hasSingleBean(JwtDecoder.class)
				.hasSingleBean(JwtAuthenticationConverter.class)
				.hasSingleBean(BearerTokenProblems.class)
				.hasSingleBean(FluxResourceServer.class)
				.hasBean("fluxApiFilterChain");
			assertThat(this.auth.requests()).isZero();

			String userId = UUID.randomUUID().toString();
			assertThat(
					context.getBean(JwtDecoder.class).decode(this.tokens.token().subject(userId).sign()).getSubject())
				.isEqualTo(userId);
		});
	}

	@Test
	void remembersAcceptedTokensUnlessToldNotTo() {
		String token = this.tokens.token().subject(UUID.randomUUID().toString()).sign();
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer()).run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThat(decoder.decode(token)).as("remembered").isSameAs(decoder.decode(token));
		});
		this.web
			.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer(),
					"flux.security.jwt.remember-verified=0")
			.run((context) -> {
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				assertThat(decoder.decode(token)).as("verified again").isNotSameAs(decoder.decode(token));
			});
	}

	@Test
	void keepsADecoderTheServiceDefines() {
		JwtDecoder own = (token) -> {
			throw new UnsupportedOperationException();
		};
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer())
			.withBean("ownDecoder", JwtDecoder.class, () -> own)
			.run((context) -> {
				assertThat(context).getBean(JwtDecoder.class).isSameAs(own);
				assertThat(context.getBean(FluxResourceServer.class)).isNotNull();
			});
	}

	@Test
	void leavesTheApiChainToAServiceThatHasItsOwn() {
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer(), "flux.security.api.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(FluxResourceServer.class)
				.doesNotHaveBean("fluxApiFilterChain"));
	}

	@Test
	void refusesTheTokensOfAccountsTheServiceKnowsWereDeleted() {
		UUID deleted = UUID.randomUUID();
		String alive = UUID.randomUUID().toString();
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer())
			.withBean(DeletedAccounts.class, () -> deleted::equals)
			.run((context) -> {
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				String token = this.tokens.token().subject(deleted.toString()).sign();
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
				assertThatExceptionOfType(BadJwtException.class).as("also once remembered")
					.isThrownBy(() -> decoder.decode(token));
				assertThat(decoder.decode(this.tokens.token().subject(alive).sign()).getSubject()).isEqualTo(alive);
			});
	}

	@Test
	void takesAServiceTokenForNoDeletedAccount() {
		this.web.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer())
			.withBean(DeletedAccounts.class, () -> (userId) -> true)
			.run((context) -> assertThat(context.getBean(JwtDecoder.class)
				.decode(this.tokens.token().subject("notification-service").sign())
				.getSubject()).as("left to the endpoint, which answers 403 not-a-user")
				.isEqualTo("notification-service"));
	}

	@Test
	void givesNoWebPartsOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FluxSecurityAutoConfiguration.class))
			.withPropertyValues("flux.security.jwt.issuer=" + this.auth.issuer())
			.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class)
				.doesNotHaveBean(FluxResourceServer.class));
	}

}
