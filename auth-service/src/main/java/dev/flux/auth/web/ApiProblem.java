package dev.flux.auth.web;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request the auth-service refuses, answered as RFC 9457 problem details. Features
 * throw it through the factories below, which fix the status, type and title of each
 * kind.
 */
public final class ApiProblem extends RuntimeException {

	private static final String TYPE_BASE = "https://flux.dev/problems/";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final @Nullable Duration retryAfter;

	private ApiProblem(HttpStatus status, String type, String title, String detail, @Nullable Duration retryAfter) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.retryAfter = retryAfter;
	}

	/**
	 * Wrong login or password; says nothing about which, or whether the account exists.
	 */
	public static ApiProblem invalidCredentials() {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
				"The login or password is wrong.", null);
	}

	/** A refresh token that is unknown, expired, revoked or already used. */
	public static ApiProblem invalidRefreshToken() {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
				"The refresh token is not valid; sign in again.", null);
	}

	/** A verification or reset token that is unknown, expired or used. */
	public static ApiProblem invalidToken(String what) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid or expired token",
				"The " + what + " token is not valid: it is unknown, expired, or was already used or replaced.", null);
	}

	/**
	 * A social-login one-time code that is unknown, expired, used or not the caller's.
	 */
	public static ApiProblem invalidCode() {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid or expired code",
				"The code is not valid: it is unknown, expired, was already used, or is not for this request.", null);
	}

	/** A provider identity that already signs in to another account. */
	public static ApiProblem identityInUse(String provider) {
		return new ApiProblem(HttpStatus.CONFLICT, "identity-in-use", "Identity in use",
				"This " + provider + " account already signs in to another Flux account.", null);
	}

	/** A provider the account already has an identity of. */
	public static ApiProblem providerAlreadyLinked(String provider) {
		return new ApiProblem(HttpStatus.CONFLICT, "provider-already-linked", "Provider already linked",
				"A " + provider + " account is already linked; unlink it first.", null);
	}

	/** Unlinking would leave the account with no way to sign in. */
	public static ApiProblem lastSignInMethod() {
		return new ApiProblem(HttpStatus.CONFLICT, "last-sign-in-method", "Last way to sign in",
				"This is the account's only way to sign in; set a password or link another provider first.", null);
	}

	/** An action that needs the account's email address verified first. */
	public static ApiProblem emailNotVerified(String action) {
		return new ApiProblem(HttpStatus.CONFLICT, "email-not-verified", "Email not verified",
				"Verify the account's email address before " + action + ".", null);
	}

	public static ApiProblem alreadyVerified() {
		return new ApiProblem(HttpStatus.CONFLICT, "already-verified", "Already verified",
				"The email address is already verified.", null);
	}

	/** The current password given with a sensitive change is wrong. */
	public static ApiProblem wrongPassword() {
		return new ApiProblem(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
				"The current password is wrong.", null);
	}

	public static ApiProblem usernameTaken(String username) {
		return new ApiProblem(HttpStatus.CONFLICT, "username-taken", "Username taken",
				"The username '" + username + "' is already taken (usernames are unique regardless of case).", null);
	}

	public static ApiProblem emailTaken() {
		return new ApiProblem(HttpStatus.CONFLICT, "email-taken", "Email taken",
				"Another account uses this email address.", null);
	}

	/** A value that breaks a rule the bean validation annotations cannot express. */
	public static ApiProblem invalid(String field, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message,
				null);
	}

	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.", null);
	}

	/** Too many attempts; the client may try again after {@code retryAfter}. */
	public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
		return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests", detail,
				retryAfter);
	}

	/**
	 * The service is too busy to take this request now; the client may try again after
	 * {@code retryAfter}.
	 */
	public static ApiProblem busy(String detail, Duration retryAfter) {
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy", detail, retryAfter);
	}

	public HttpStatus status() {
		return this.status;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** The problem details body of this refusal. */
	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.type));
		problem.setTitle(this.title);
		return problem;
	}

	/** Whole seconds to wait, rounded up, for the {@code Retry-After} header. */
	public static long retryAfterSeconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0 || wait.toMillisPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
