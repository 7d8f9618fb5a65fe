package dev.flux.chat.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.flux.chat.refusal.Refusal;
import dev.flux.web.ApiProblem;
import dev.flux.web.ProblemMapping;

/**
 * The chat-service's answer to each {@link Refusal} of its features, in the shared
 * problem-details shape of flux-web. Every type is listed in docs/api.md.
 */
@Component
class ChatProblems implements ProblemMapping {

	@Override
	public @Nullable ApiProblem problemFor(Throwable exception) {
		if (!(exception instanceof Refusal refusal)) {
			return null;
		}
		String detail = refusal.getMessage();
		return switch (refusal.code()) {
			case "not-found" -> ApiProblem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
			case "invalid-request" -> ApiProblem.invalid(refusal.errors()
				.stream()
				.map((error) -> new ApiProblem.Violation(error.field(), error.message()))
				.toList());
			case "precondition-failed" ->
				ApiProblem.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", detail);
			case "missing-permission" ->
				ApiProblem.of(HttpStatus.FORBIDDEN, "missing-permission", "Missing permission", detail);
			case "role-hierarchy" -> ApiProblem.of(HttpStatus.FORBIDDEN, "role-hierarchy", "Role hierarchy", detail);
			case "not-the-owner" -> ApiProblem.of(HttpStatus.FORBIDDEN, "not-the-owner", "Not the owner", detail);
			case "not-the-author" -> ApiProblem.of(HttpStatus.FORBIDDEN, "not-the-author", "Not the author", detail);
			case "banned" -> ApiProblem.of(HttpStatus.FORBIDDEN, "banned", "Banned", detail);
			case "not-a-user" -> ApiProblem.of(HttpStatus.FORBIDDEN, "not-a-user", "Not a user", detail);
			case "owner-cannot-leave" ->
				ApiProblem.of(HttpStatus.CONFLICT, "owner-cannot-leave", "Owner cannot leave", detail);
			case "everyone-role" -> ApiProblem.of(HttpStatus.CONFLICT, "everyone-role", "The @everyone role", detail);
			case "nonce-used" -> ApiProblem.of(HttpStatus.CONFLICT, "nonce-used", "Nonce used", detail);
			case "friend-requests-closed" ->
				ApiProblem.of(HttpStatus.FORBIDDEN, "friend-requests-closed", "Friend requests closed", detail);
			case "dm-refused" -> ApiProblem.of(HttpStatus.FORBIDDEN, "dm-refused", "Direct message refused", detail);
			case "not-friends" -> ApiProblem.of(HttpStatus.FORBIDDEN, "not-friends", "Not friends", detail);
			case "already-friends" -> ApiProblem.of(HttpStatus.CONFLICT, "already-friends", "Already friends", detail);
			case "unblock-first" -> ApiProblem.of(HttpStatus.CONFLICT, "unblock-first", "Unblock first", detail);
			case "group-full" -> ApiProblem.of(HttpStatus.CONFLICT, "group-full", "Group DM full", detail);
			case "too-many-pins" -> ApiProblem.of(HttpStatus.CONFLICT, "too-many-pins", "Too many pins", detail);
			case "too-many-reactions" ->
				ApiProblem.of(HttpStatus.CONFLICT, "too-many-reactions", "Too many reactions", detail);
			default -> throw new IllegalStateException("No problem type for refusal " + refusal.code());
		};
	}

}
