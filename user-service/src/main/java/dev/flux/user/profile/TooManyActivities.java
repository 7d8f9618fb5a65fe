package dev.flux.user.profile;

/** A user already shows the most activities allowed. */
public final class TooManyActivities extends RuntimeException {

	private final int max;

	TooManyActivities(int max) {
		super("Too many activities", null, false, false);
		this.max = max;
	}

	public int max() {
		return this.max;
	}

}
