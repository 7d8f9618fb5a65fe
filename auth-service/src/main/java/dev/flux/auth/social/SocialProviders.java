package dev.flux.auth.social;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The providers this instance offers: Google and Facebook, each only when its client id
 * and secret are configured. Every registration requires PKCE (S256) on top of
 * {@code state}; Google, being OpenID Connect, also gets a {@code nonce}.
 */
final class SocialProviders implements ClientRegistrationRepository {

	static final String GOOGLE = "google";

	static final String FACEBOOK = "facebook";

	private final Map<String, ClientRegistration> enabled = new LinkedHashMap<>();

	SocialProviders(SocialProperties properties) {
		add(GOOGLE, CommonOAuth2Provider.GOOGLE, properties.google());
		add(FACEBOOK, CommonOAuth2Provider.FACEBOOK, properties.facebook());
	}

	private void add(String id, CommonOAuth2Provider common, SocialProperties.Provider provider) {
		if (!provider.enabled()) {
			return;
		}
		ClientRegistration.Builder builder = common.getBuilder(id)
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
		override(provider.authorizationUri(), builder::authorizationUri);
		override(provider.tokenUri(), builder::tokenUri);
		override(provider.userInfoUri(), builder::userInfoUri);
		override(provider.jwkSetUri(), builder::jwkSetUri);
		override(provider.issuerUri(), builder::issuerUri);
		this.enabled.put(id, builder.build());
	}

	private static void override(@Nullable String value, Consumer<String> setter) {
		if (value != null && !value.isBlank()) {
			setter.accept(value);
		}
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return this.enabled.get(registrationId);
	}

	boolean isEnabled(String registrationId) {
		return this.enabled.containsKey(registrationId);
	}

	List<ClientRegistration> enabled() {
		return List.copyOf(this.enabled.values());
	}

}
