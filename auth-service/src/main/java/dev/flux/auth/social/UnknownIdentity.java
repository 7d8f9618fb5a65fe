package dev.flux.auth.social;

/** The account has no linked identity of this provider. */
public final class UnknownIdentity extends RuntimeException {

	private final String provider;

	UnknownIdentity(String provider) {
		super("No linked identity of " + provider, null, false, false);
		this.provider = provider;
	}

	public String provider() {
		return this.provider;
	}

}
