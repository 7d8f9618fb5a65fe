package dev.flux.user.profile;

/** A write whose expected version is no longer the current one: read again and retry. */
public final class StaleVersion extends RuntimeException {

	StaleVersion() {
		super("Stale version", null, false, false);
	}

}
