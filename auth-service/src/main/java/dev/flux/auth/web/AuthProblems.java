package dev.flux.auth.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.flux.auth.account.EmailTaken;
import dev.flux.auth.account.UnknownAccount;
import dev.flux.auth.admin.LastAdmin;
import dev.flux.auth.account.UsernameTaken;
import dev.flux.auth.login.InvalidCredentials;
import dev.flux.auth.login.SignInThrottled;
import dev.flux.auth.password.HashingBusy;
import dev.flux.auth.password.InvalidResetToken;
import dev.flux.auth.password.PasswordRejected;
import dev.flux.auth.password.WrongPassword;
import dev.flux.auth.session.InvalidRefreshToken;
import dev.flux.auth.session.UnknownSession;
import dev.flux.auth.social.EmailNotVerified;
import dev.flux.auth.social.IdentityInUse;
import dev.flux.auth.social.InvalidCode;
import dev.flux.auth.social.LastSignInMethod;
import dev.flux.auth.social.ProviderAlreadyLinked;
import dev.flux.auth.social.UnknownIdentity;
import dev.flux.auth.social.UnknownProvider;
import dev.flux.auth.throttle.TooManyAttempts;
import dev.flux.auth.takeback.InvalidTakebackToken;
import dev.flux.auth.verification.AlreadyVerified;
import dev.flux.auth.verification.InvalidVerificationToken;
import dev.flux.web.ApiProblem;
import dev.flux.web.ProblemMapping;

/**
 * The auth-service's answer to each refusal of its features: status, type, title and a
 * detail a person can act on. Every type is listed in docs/api.md.
 */
@Component
class AuthProblems implements ProblemMapping {

	@Override
	public @Nullable ApiProblem problemFor(Throwable exception) {
		return switch (exception) {
			case InvalidCredentials refused -> ApiProblem.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
					"Invalid credentials", "The login or password is wrong.");
			case TooManyAttempts attempts -> ApiProblem
				.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
						"Too many attempts with this address or account; wait before trying again.")
				.retryAfter(attempts.retryAfter());
			case SignInThrottled throttled ->
				ApiProblem
					.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
							"Too many failed sign-ins; wait before trying again.")
					.retryAfter(throttled.retryAfter());
			case HashingBusy busy -> ApiProblem
				.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy",
						"Too many passwords are being checked right now; try again shortly.")
				.retryAfter(busy.retryAfter());
			case InvalidRefreshToken refused -> ApiProblem.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
					"Invalid refresh token", "The refresh token is not valid; sign in again.");
			case InvalidResetToken refused -> invalidToken("password reset");
			case InvalidVerificationToken refused -> invalidToken("email verification");
			case InvalidTakebackToken refused -> invalidToken("account takeback");
			case InvalidCode refused -> ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid or expired code",
					"The code is not valid: it is unknown, expired, was already used, or is not for this request.");
			case PasswordRejected rejected -> ApiProblem.invalid(rejected.field(), rejected.reason());
			case WrongPassword refused -> ApiProblem.of(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
					"The current password is wrong.");
			case UsernameTaken taken ->
				ApiProblem.of(HttpStatus.CONFLICT, "username-taken", "Username taken", "The username '"
						+ taken.username() + "' is already taken (usernames are unique regardless of case).");
			case EmailTaken taken -> ApiProblem.of(HttpStatus.CONFLICT, "email-taken", "Email taken",
					"Another account uses this email address.");
			case AlreadyVerified verified -> ApiProblem.of(HttpStatus.CONFLICT, "already-verified", "Already verified",
					"The email address is already verified.");
			case EmailNotVerified unverified -> ApiProblem.of(HttpStatus.CONFLICT, "email-not-verified",
					"Email not verified", "Verify the account's email address before " + unverified.action() + ".");
			case IdentityInUse inUse -> ApiProblem.of(HttpStatus.CONFLICT, "identity-in-use", "Identity in use",
					"This " + inUse.provider() + " account already signs in to another Flux account.");
			case ProviderAlreadyLinked linked ->
				ApiProblem.of(HttpStatus.CONFLICT, "provider-already-linked", "Provider already linked",
						"A " + linked.provider() + " account is already linked; unlink it first.");
			case LastSignInMethod last ->
				ApiProblem.of(HttpStatus.CONFLICT, "last-sign-in-method", "Last way to sign in",
						"This is the account's only way to sign in; set a password or link another provider first.");
			case LastAdmin last -> ApiProblem.of(HttpStatus.CONFLICT, "last-admin", "Last admin",
					"This is the only account with the ADMIN role; grant it to another account first.");
			case UnknownAccount unknown -> ApiProblem.notFound("The account");
			case UnknownSession unknown -> ApiProblem.notFound("The session");
			case UnknownProvider unknown -> ApiProblem.notFound("The provider '" + unknown.provider() + "'");
			case UnknownIdentity unknown -> ApiProblem.notFound("A linked '" + unknown.provider() + "' identity");
			default -> null;
		};
	}

	private static ApiProblem invalidToken(String what) {
		return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid or expired token",
				"The " + what + " token is not valid: it is unknown, expired, or was already used or replaced.");
	}

}
