package dev.flux.auth;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One mock-oauth2-server for the test JVM, playing two providers: issuer {@code google}
 * (OpenID Connect: ID token with nonce, JWKS, user info) and issuer {@code facebook}
 * (plain OAuth2: the service only reads its user-info endpoint). The auth-service is
 * configured against it for every test, so all tests share one Spring context.
 */
public final class MockProviders {

	/** Where the auth-service sends the browser at the end of a flow; never fetched. */
	public static final String FRONT_END = "http://frontend.test/auth/social";

	private static @Nullable MockOAuth2Server server;

	private MockProviders() {
	}

	public static synchronized MockOAuth2Server server() {
		if (server == null) {
			MockOAuth2Server started = new MockOAuth2Server();
			started.start();
			server = started;
		}
		return server;
	}

	static void register(DynamicPropertyRegistry registry) {
		registry.add("flux.auth.social.front-end-url", () -> FRONT_END);
		for (String provider : new String[] { "google", "facebook" }) {
			String prefix = "flux.auth.social." + provider + ".";
			registry.add(prefix + "client-id", () -> "flux-" + provider);
			registry.add(prefix + "client-secret", () -> "secret-" + provider);
			registry.add(prefix + "authorization-uri", () -> server().authorizationEndpointUrl(provider).toString());
			registry.add(prefix + "token-uri", () -> server().tokenEndpointUrl(provider).toString());
			registry.add(prefix + "jwk-set-uri", () -> server().jwksUrl(provider).toString());
			registry.add(prefix + "user-info-uri", () -> server().userInfoUrl(provider).toString());
			registry.add(prefix + "issuer-uri", () -> server().issuerUrl(provider).toString());
		}
	}

}
