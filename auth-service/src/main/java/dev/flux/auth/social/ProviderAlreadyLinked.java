package dev.flux.auth.social;

/** The account already has an identity of this provider. */
public final class ProviderAlreadyLinked extends ProviderRefusal {

	ProviderAlreadyLinked(String provider) {
		super(provider);
	}

}
