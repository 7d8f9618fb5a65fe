package dev.flux.user.web;

/** Regular expressions the request bodies of several features validate against. */
public final class RequestPatterns {

	/** Text without control characters (no line breaks, tabs or escapes). */
	public static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";

	private RequestPatterns() {
	}

}
