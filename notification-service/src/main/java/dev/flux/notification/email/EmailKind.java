package dev.flux.notification.email;

/**
 * The emails the service sends, each with a template pair under
 * {@code dev/flux/notification/email/templates/<name>.txt|.html}.
 */
public enum EmailKind {

	/** After registration. */
	WELCOME("welcome"),

	/** The link that confirms an email address (carries a secret token). */
	VERIFY_EMAIL("verify-email"),

	/** The link that resets a forgotten password (carries a secret token). */
	RESET_PASSWORD("reset-password"),

	/** The password was changed or reset. */
	PASSWORD_CHANGED("password-changed"),

	/** Sent to the previous address after an email change. */
	EMAIL_CHANGED("email-changed"),

	/** Someone tried to register, or to move an account, with this taken address. */
	EMAIL_CONFLICT("email-conflict");

	private final String template;

	EmailKind(String template) {
		this.template = template;
	}

	String template() {
		return this.template;
	}

}
