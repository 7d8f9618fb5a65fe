package dev.flux.security.web;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token found in each Authorization header, or the refusal, is the one Spring
 * Security's own resolver gives.
 */
class HeaderBearerTokensTests {

	static final List<String> HEADERS = List.of("Bearer abc.DEF-123_~+/xyz", "bearer abc", "BEARER abc==",
			"Bearer abc=", "Bearer a=b", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer ab c",
			"Bearer abc\"", "Bearer é", "Basic dXNlcjpwYXNz", "Bearerabc", "Bearer =", "Bearer abc==x",
			"Bearer " + "eyJhbGciOiJSUzI1NiJ9.".repeat(40) + "sig", "Token abc", "");

	private final HeaderBearerTokens tokens = new HeaderBearerTokens();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@ParameterizedTest
	@FieldSource("HEADERS")
	void findsWhatSpringSecurityFindsAndRefusesWhatItRefuses(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
		request.addHeader("Authorization", header);

		OAuth2AuthenticationException springRefusal = catchThrowableOfType(OAuth2AuthenticationException.class,
				() -> this.spring.resolve(request));
		OAuth2AuthenticationException refusal = catchThrowableOfType(OAuth2AuthenticationException.class,
				() -> this.tokens.resolve(request));

		if (springRefusal != null) {
			assertThat(refusal).isNotNull();
			assertThat(refusal.getError().getErrorCode()).isEqualTo(springRefusal.getError().getErrorCode());
		}
		else {
			assertThat(refusal).isNull();
			assertThat(this.tokens.resolve(request)).isEqualTo(this.spring.resolve(request));
		}
	}

	@ParameterizedTest
	@FieldSource("HEADERS")
	void theTokenGrammarIsRfc6750sB64Token(String header) {
		boolean b64token = header.length() > 7 && header.substring(7).matches("[a-zA-Z0-9-._~+/]+=*");

		assertThat(HeaderBearerTokens.isB64Token(header, 7)).isEqualTo(b64token);
	}

}
