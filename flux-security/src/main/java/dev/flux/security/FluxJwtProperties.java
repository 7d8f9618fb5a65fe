package dev.flux.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * What a resource server trusts in an access token ({@code flux.security.jwt.*}).
 *
 * @param issuer the exact {@code iss} of the tokens, auth-service's public URL
 * ({@code http://localhost:8081})
 * @param audience the value the {@code aud} claim must contain
 * @param jwkSetUri where auth-service's public keys are fetched; {@code null} means
 * {@code {issuer}/.well-known/jwks.json}
 * @param clockSkew how far {@code exp} and {@code nbf} may be off from this server's
 * clock
 * @param rememberVerified how long an accepted token is remembered, so that its next uses
 * skip the signature check ({@code 0} checks every time); see
 * {@link FluxJwtDecoders#fromJwkSource}
 */
@ConfigurationProperties("flux.security.jwt")
public record FluxJwtProperties(String issuer, @DefaultValue(FluxAccessToken.DEFAULT_AUDIENCE) String audience,
		@Nullable URI jwkSetUri, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("1m") Duration rememberVerified) {

	public FluxJwtProperties {
		Assert.hasText(issuer, "flux.security.jwt.issuer must name the issuer of access tokens");
		Assert.hasText(audience, "flux.security.jwt.audience must not be blank");
		Assert.isTrue(!clockSkew.isNegative(), "flux.security.jwt.clock-skew must not be negative");
		Assert.isTrue(!rememberVerified.isNegative(), "flux.security.jwt.remember-verified must not be negative");
	}

	/** The settings for tokens of this issuer, with every other value at its default. */
	public static FluxJwtProperties forIssuer(String issuer) {
		return new FluxJwtProperties(issuer, FluxAccessToken.DEFAULT_AUDIENCE, null, Duration.ofSeconds(30),
				Duration.ofMinutes(1));
	}

	/** The configured JWK Set URI, or the one auth-service serves below the issuer. */
	public URI effectiveJwkSetUri() {
		if (this.jwkSetUri != null) {
			return this.jwkSetUri;
		}
		String base = this.issuer.endsWith("/") ? this.issuer.substring(0, this.issuer.length() - 1) : this.issuer;
		return URI.create(base + FluxAccessToken.JWKS_PATH);
	}

}
