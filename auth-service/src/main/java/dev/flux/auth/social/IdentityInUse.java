package dev.flux.auth.social;

/** A provider identity that already signs in to another account. */
public final class IdentityInUse extends ProviderRefusal {

	IdentityInUse(String provider) {
		super(provider);
	}

}
