package dev.flux.auth.password;

/**
 * A password field the rules refuse: absent where needed, too short or long, too common.
 */
public final class PasswordRejected extends RuntimeException {

	private final String field;

	private final String reason;

	public PasswordRejected(String field, String reason) {
		super(field + " " + reason, null, false, false);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return this.field;
	}

	public String reason() {
		return this.reason;
	}

}
