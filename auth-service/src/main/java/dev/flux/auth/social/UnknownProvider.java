package dev.flux.auth.social;

/** A provider that is not configured or not enabled. */
public final class UnknownProvider extends ProviderRefusal {

	UnknownProvider(String provider) {
		super(provider);
	}

}
