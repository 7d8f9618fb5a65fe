package dev.flux.events.contract;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schemas' {@code email} format, as {@link EmailAddresses} defines it: the
 * validator's own checks top-level domains against a list, so it refused addresses the
 * HTTP validation took ({@code x@b.test}) and their events failed on append.
 */
final class EmailFormat implements Format {

	@Override
	public String getName() {
		return "email";
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return EmailAddresses.isValid(value);
	}

}
