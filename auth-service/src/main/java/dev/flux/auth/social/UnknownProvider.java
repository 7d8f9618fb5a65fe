package dev.flux.auth.social;

/** A provider that is not configured or not enabled. */
public final class UnknownProvider extends RuntimeException {

	private final String provider;

	UnknownProvider(String provider) {
		super("Unknown provider " + provider, null, false, false);
		this.provider = provider;
	}

	public String provider() {
		return this.provider;
	}

}
