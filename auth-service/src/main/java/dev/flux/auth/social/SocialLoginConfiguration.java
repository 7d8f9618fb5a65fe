package dev.flux.auth.social;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.flux.auth.AuthProperties;
import dev.flux.auth.audit.AuditLog;

/**
 * The browser side of social login, a filter chain of its own for
 * {@code /oauth2/authorization/*} and {@code /login/oauth2/code/*}: Spring Security's
 * OAuth2 login with the flow kept in an encrypted cookie (no server session, the API
 * stays stateless), PKCE and nonce, every provider call through the
 * {@link ProviderCallGuard}, no authorized clients kept (Flux never calls a provider's
 * API after sign-in), and every outcome a redirect to the front-end.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
class SocialLoginConfiguration {

	@Bean
	SocialProviders socialProviders(SocialProperties properties) {
		return new SocialProviders(properties);
	}

	@Bean
	ProviderCallGuard providerCallGuard(SocialProperties properties) {
		return new ProviderCallGuard(properties.calls());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain socialLoginSecurity(HttpSecurity http, SocialProviders providers, SocialLogin socialLogin,
			ProviderCallGuard guard, SocialProperties properties, AuthProperties authProperties, JsonMapper mapper,
			AuditLog audit, Clock clock) throws Exception {
		ClientHttpRequestFactory requests = requestFactory(properties);
		SocialLoginRedirects redirects = new SocialLoginRedirects(socialLogin, properties.frontEndUrl(), audit);
		AuthorizationRequestCookie flows = new AuthorizationRequestCookie(authProperties.keys().encryptionKey(),
				properties.flowTtl(), mapper, clock);
		DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
		userInfo.setRestOperations(restTemplate(requests, guard));
		OidcUserService oidcUserInfo = new OidcUserService();
		oidcUserInfo.setOauth2UserService(userInfo);
		return http.securityMatcher("/oauth2/**", "/login/oauth2/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.oauth2Login((login) -> login.clientRegistrationRepository(providers)
				.authorizedClientRepository(new NoAuthorizedClients())
				.authorizationEndpoint((authorization) -> authorization
					.authorizationRequestResolver(new LinkingAuthorizationRequests(providers, socialLogin))
					.authorizationRequestRepository(flows))
				.tokenEndpoint((token) -> token.accessTokenResponseClient(tokenClient(requests, guard)))
				.userInfoEndpoint((user) -> user.userService(userInfo).oidcUserService(oidcUserInfo))
				.successHandler(redirects)
				.failureHandler(redirects)
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {

					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(redirects);
						return filter;
					}

				}))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	/**
	 * Decodes Google's ID tokens with keys fetched through the guard (Spring's default
	 * decoder factory fetches them without a timeout); validated as Spring does.
	 */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoders(SocialProperties properties, ProviderCallGuard guard) {
		RestTemplate keys = restTemplate(requestFactory(properties), guard);
		Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();
		return (registration) -> decoders.computeIfAbsent(registration.getRegistrationId(), (id) -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.restOperations(keys)
				.build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new OidcIdTokenValidator(registration)));
			decoder.setClaimSetConverter(MappedJwtClaimSetConverter
				.withDefaults(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
			return decoder;
		});
	}

	private static ClientHttpRequestFactory requestFactory(SocialProperties properties) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(properties.calls().timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
		factory.setReadTimeout(properties.calls().timeout());
		return factory;
	}

	private static RestTemplate restTemplate(ClientHttpRequestFactory requests, ProviderCallGuard guard) {
		RestTemplate rest = new RestTemplate(requests);
		rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
		rest.getInterceptors().add(guard);
		return rest;
	}

	private static RestClientAuthorizationCodeTokenResponseClient tokenClient(ClientHttpRequestFactory requests,
			ProviderCallGuard guard) {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.requestInterceptor(guard)
			.configureMessageConverters((converters) -> {
				converters.addCustomConverter(new FormHttpMessageConverter());
				converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		return client;
	}

	/**
	 * Keeps no authorized clients: Flux uses a provider only to learn who signed in, and
	 * keeping every user's provider tokens in memory would only be a leak.
	 */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
