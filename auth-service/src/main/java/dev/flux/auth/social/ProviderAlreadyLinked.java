package dev.flux.auth.social;

/** The account already has an identity of this provider. */
public final class ProviderAlreadyLinked extends RuntimeException {

	private final String provider;

	ProviderAlreadyLinked(String provider) {
		super("Provider already linked: " + provider, null, false, false);
		this.provider = provider;
	}

	public String provider() {
		return this.provider;
	}

}
