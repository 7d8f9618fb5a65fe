package dev.flux.auth.account;

import java.util.Locale;

/**
 * An email address in normalized form: trimmed and lower case, so one mailbox is one
 * account whatever the case it is typed in.
 */
public record EmailAddress(String value) {

	/** Normalizes a typed address. */
	public static EmailAddress of(String typed) {
		return new EmailAddress(typed.trim().toLowerCase(Locale.ROOT));
	}

}
