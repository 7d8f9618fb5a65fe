package dev.flux.events.contract;

import java.util.regex.Pattern;

/**
 * What Flux takes for an email address, the one definition behind both the HTTP
 * validation of every service and the {@code email} format of the event schemas: a
 * dot-atom local part of at most 64 characters, {@code @}, and a host name of two or more
 * labels whose last is alphabetic (two or more letters) or an IDN A-label, 254 characters
 * in all. No quoted local parts, address literals or non-ASCII (an internationalized
 * domain is written in its {@code xn--} form). Top-level domains are not checked against
 * a list: {@code .test} and a TLD delegated next year are alike.
 */
public final class EmailAddresses {

	/** The longest address: a forward path of 256 octets less its angle brackets. */
	public static final int MAX_LENGTH = 254;

	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern ADDRESS = Pattern.compile("(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL
			+ "\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

	private EmailAddresses() {
	}

	/** Whether the text is an email address as Flux takes it. */
	public static boolean isValid(CharSequence text) {
		return text.length() <= MAX_LENGTH && ADDRESS.matcher(text).matches();
	}

}
