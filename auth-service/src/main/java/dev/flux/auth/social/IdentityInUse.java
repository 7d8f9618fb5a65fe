package dev.flux.auth.social;

/** A provider identity that already signs in to another account. */
public final class IdentityInUse extends RuntimeException {

	private final String provider;

	IdentityInUse(String provider) {
		super("Identity in use: " + provider, null, false, false);
		this.provider = provider;
	}

	public String provider() {
		return this.provider;
	}

}
