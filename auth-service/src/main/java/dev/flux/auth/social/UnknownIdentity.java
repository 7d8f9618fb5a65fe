package dev.flux.auth.social;

/** The account has no linked identity of this provider. */
public final class UnknownIdentity extends ProviderRefusal {

	UnknownIdentity(String provider) {
		super(provider);
	}

}
