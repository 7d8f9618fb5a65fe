package dev.flux.auth.social;

/** A social-login request refused because of what the account has of a provider. */
public abstract sealed class ProviderRefusal extends RuntimeException
		permits IdentityInUse, ProviderAlreadyLinked, UnknownIdentity, UnknownProvider {

	private final String provider;

	ProviderRefusal(String provider) {
		super(provider, null, false, false);
		this.provider = provider;
	}

	/** The provider's name, e.g. {@code google}. */
	public String provider() {
		return this.provider;
	}

}
